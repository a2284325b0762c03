// Listening TCP and UDP sockets of a network namespace from /proc/PID/net/{tcp,tcp6,udp,udp6}
// (those files show the namespace of PID), and the processes that hold them, found through
// their fd tables ("socket:[INODE]"). No ss process per namespace: ss -p walks every process'
// fds each time.
import * as fs from 'node:fs';
import type { NetSocket } from './topology';

const TCP_LISTEN = '0A';
const UDP_UNCONNECTED = '07';

/** Parses one /proc/net/{tcp,udp}[6] file into the listening sockets it lists. */
export function parseProcNet(text: string, protocol: 'tcp' | 'udp', family: 'inet' | 'inet6'): NetSocket[] {
  const sockets: NetSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [, local, remote, state] = fields;
    const listening = protocol === 'tcp' ? state === TCP_LISTEN : state === UDP_UNCONNECTED && remote.endsWith(':0000');
    if (!listening) continue;
    const [hexAddress, hexPort] = local.split(':');
    sockets.push({ protocol, family, address: decodeAddress(hexAddress), port: parseInt(hexPort, 16), inode: Number(fields[9]) });
  }
  return sockets;
}

/** /proc/net addresses are 32-bit words in host (little-endian) byte order. */
export function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) => [6, 4, 2, 0].map((at) => parseInt(word.slice(at, at + 2), 16)));
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return compressIpv6(groups);
}

function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

/** The listening sockets of the namespace `pid` is in, with their owners among `pids`. */
export function listeningSockets(procRoot: string, pid: number, pids: readonly number[], commandOf: (pid: number) => string | undefined): NetSocket[] {
  const sockets: NetSocket[] = [];
  for (const [file, protocol, family] of [
    ['tcp', 'tcp', 'inet'],
    ['tcp6', 'tcp', 'inet6'],
    ['udp', 'udp', 'inet'],
    ['udp6', 'udp', 'inet6'],
  ] as const) {
    try {
      sockets.push(...parseProcNet(fs.readFileSync(`${procRoot}/${pid}/net/${file}`, 'utf8'), protocol, family));
    } catch {
      /* no IPv6, or the process exited */
    }
  }
  const wanted = new Map(sockets.filter((s) => s.inode !== 0).map((s) => [s.inode, s]));
  for (const holder of pids) {
    if (wanted.size === 0) break;
    let fds: string[];
    try {
      fds = fs.readdirSync(`${procRoot}/${holder}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`${procRoot}/${holder}/fd/${fd}`);
      } catch {
        continue;
      }
      if (!target.startsWith('socket:[')) continue;
      const socket = wanted.get(Number(target.slice(8, -1)));
      if (!socket) continue;
      socket.pid = holder;
      const command = commandOf(holder);
      if (command !== undefined) socket.command = command;
      wanted.delete(socket.inode);
    }
  }
  return sockets;
}
