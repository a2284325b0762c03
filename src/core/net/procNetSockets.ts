// Listening TCP and UDP sockets of a network namespace from /proc/PID/net/{tcp,tcp6,udp,udp6}
// (those files show the namespace of PID; for a namespace with no process, read inside it), and
// the processes that hold them, found through their fd tables ("socket:[INODE]"). No ss process
// per namespace: ss -p walks every process' fds each time.
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

const PROC_NET_FILES = [
  ['tcp', 'tcp', 'inet'],
  ['tcp6', 'tcp', 'inet6'],
  ['udp', 'udp', 'inet'],
  ['udp6', 'udp', 'inet6'],
] as const;

/**
 * Parses "FILE:LINE" lines (the helper's net-read prints /proc/net/{tcp,tcp6,udp,udp6} of a
 * namespace so) into the listening sockets they list.
 */
export function parseProcNetListing(text: string): NetSocket[] {
  const byFile = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^(?:[^:]*\/)?(tcp6?|udp6?):(.*)$/.exec(line);
    if (!match) continue;
    const lines = byFile.get(match[1]) ?? [];
    lines.push(match[2]);
    byFile.set(match[1], lines);
  }
  return parseProcNetFiles(PROC_NET_FILES.map(([file]) => byFile.get(file)?.join('\n') ?? ''));
}

/** The texts of /proc/net/tcp, tcp6, udp and udp6 (in that order; the addon's netnsListening) -> sockets. */
export function parseProcNetFiles(texts: readonly string[]): NetSocket[] {
  return PROC_NET_FILES.flatMap(([, protocol, family], i) => parseProcNet(texts[i] ?? '', protocol, family));
}

/** The listening sockets of the namespace `pid` is in, read from /proc/PID/net. */
export function listeningSocketsOf(procRoot: string, pid: number): NetSocket[] {
  const sockets: NetSocket[] = [];
  for (const [file, protocol, family] of PROC_NET_FILES) {
    try {
      sockets.push(...parseProcNet(fs.readFileSync(`${procRoot}/${pid}/net/${file}`, 'utf8'), protocol, family));
    } catch {
      /* no IPv6, or the process exited */
    }
  }
  return sockets;
}

/** [PID, socket inode] of "/proc/PID/fd/N socket:[INODE]" records (the helper's fds section). */
export function socketFdPairs(records: Iterable<string>): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (const record of records) {
    const match = /^\/proc\/(\d+)\/fd\/\d+ socket:\[(\d+)\]$/.exec(record);
    if (match) pairs.push([Number(match[1]), Number(match[2])]);
  }
  return pairs;
}

/** Socket inode -> the PIDs holding it, lowest first. */
export function socketHolders(pairs: Iterable<readonly [number, number]>): Map<number, number[]> {
  const holders = new Map<number, number[]>();
  for (const [pid, inode] of pairs) {
    const list = holders.get(inode) ?? [];
    if (!list.includes(pid)) list.push(pid);
    holders.set(inode, list);
  }
  for (const list of holders.values()) list.sort((x, y) => x - y);
  return holders;
}

/** The socket inodes `pid` holds (its fd table), in fd order; [] when it cannot be read. */
export function socketInodesOf(procRoot: string, pid: number): number[] {
  let fds: string[];
  try {
    fds = fs.readdirSync(`${procRoot}/${pid}/fd`);
  } catch {
    return [];
  }
  const inodes: number[] = [];
  for (const fd of fds) {
    try {
      const target = fs.readlinkSync(`${procRoot}/${pid}/fd/${fd}`);
      if (target.startsWith('socket:[')) inodes.push(Number(target.slice(8, -1)));
    } catch {
      /* closed meanwhile */
    }
  }
  return inodes;
}

/**
 * Sets each socket's owner: the first of the namespace's `pids` that holds it, else the lowest
 * PID anywhere that does (a socket made inside by a process that lives in another namespace).
 * `holdersOf` answers for one inode; the fallback `anyHolders` is asked only when needed.
 */
export function attributeOwners(
  sockets: NetSocket[],
  pids: readonly number[],
  holdersInNamespace: (pid: number) => readonly number[],
  anyHolders: () => Map<number, number[]>,
  commandOf: (pid: number) => string | undefined,
): void {
  const wanted = new Map(sockets.filter((s) => s.inode !== 0).map((s) => [s.inode, s]));
  const own = (socket: NetSocket, pid: number) => {
    socket.pid = pid;
    const command = commandOf(pid);
    if (command !== undefined) socket.command = command;
    wanted.delete(socket.inode);
  };
  for (const holder of pids) {
    if (wanted.size === 0) return;
    for (const inode of holdersInNamespace(holder)) {
      const socket = wanted.get(inode);
      if (socket) own(socket, holder);
    }
  }
  if (wanted.size === 0) return;
  const all = anyHolders();
  for (const socket of [...wanted.values()]) {
    const pid = all.get(socket.inode)?.[0];
    if (pid !== undefined) own(socket, pid);
  }
}
