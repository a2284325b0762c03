// The sockets a process holds, with their addresses: the socket inodes of its fd table
// (socketInodesOf, shared with the topology's listening sockets) matched to the lines of
// /proc/PID/net/{tcp,tcp6,udp,udp6,unix}, which list every socket of its network namespace.
import { decodeAddress } from '../net/procNetSockets';
import type { ProcessSocket } from './inspectTypes';

const TCP_STATES: Record<string, string> = {
  '01': 'established', '02': 'syn-sent', '03': 'syn-recv', '04': 'fin-wait1', '05': 'fin-wait2', '06': 'time-wait',
  '07': 'close', '08': 'close-wait', '09': 'last-ack', '0A': 'listen', '0B': 'closing', '0C': 'new-syn-recv',
};

function endpoint(hex: string, family: 'inet' | 'inet6'): string {
  const [address, port] = hex.split(':');
  const host = decodeAddress(address);
  return `${family === 'inet6' ? `[${host}]` : host}:${parseInt(port, 16)}`;
}

/** Every socket one /proc/net/{tcp,udp}[6] file lists. */
export function parseInetSockets(text: string, protocol: 'tcp' | 'udp', family: 'inet' | 'inet6'): ProcessSocket[] {
  const sockets: ProcessSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || !/^[0-9A-F]+:[0-9A-F]{4}$/.test(f[1]) || !/^\d+$/.test(f[9])) continue;
    const unconnectedUdp = protocol === 'udp' && f[2].endsWith(':0000');
    const listening = protocol === 'tcp' ? f[3] === '0A' : unconnectedUdp;
    const state = protocol === 'tcp' ? (TCP_STATES[f[3]] ?? f[3]) : unconnectedUdp ? 'listen' : 'connected';
    sockets.push({ protocol, family, state, listening, local: endpoint(f[1], family), remote: listening ? null : endpoint(f[2], family), inode: Number(f[9]) });
  }
  return sockets;
}

/** __SO_ACCEPTCON in the Flags column: a listening unix socket. */
const ACCEPTCON = 0x10000;
const UNIX_STATES: Record<string, string> = { '01': 'unconnected', '02': 'connecting', '03': 'connected', '04': 'disconnecting' };

/** Every socket /proc/net/unix lists: "Num RefCount Protocol Flags Type St Inode [Path]". */
export function parseUnixSockets(text: string): ProcessSocket[] {
  const sockets: ProcessSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const m = /^\s*[0-9a-f]+: [0-9A-F]+ [0-9A-F]+ ([0-9A-F]+) [0-9A-F]+ ([0-9A-F]{2}) +(\d+)(?: (.*))?$/.exec(line);
    if (!m) continue;
    const listening = (parseInt(m[1], 16) & ACCEPTCON) !== 0;
    sockets.push({ protocol: 'unix', family: 'unix', state: listening ? 'listen' : (UNIX_STATES[m[2]] ?? m[2]), listening, local: m[4] ?? '', remote: null, inode: Number(m[3]) });
  }
  return sockets;
}

/** The texts of /proc/PID/net/{tcp,tcp6,udp,udp6,unix} (null: absent), filtered to `inodes`. */
export function socketsHeld(texts: { tcp: string | null; tcp6: string | null; udp: string | null; udp6: string | null; unix: string | null }, inodes: readonly number[]): ProcessSocket[] {
  const held = new Set(inodes);
  const all = [
    ...parseInetSockets(texts.tcp ?? '', 'tcp', 'inet'),
    ...parseInetSockets(texts.tcp6 ?? '', 'tcp', 'inet6'),
    ...parseInetSockets(texts.udp ?? '', 'udp', 'inet'),
    ...parseInetSockets(texts.udp6 ?? '', 'udp', 'inet6'),
    ...parseUnixSockets(texts.unix ?? ''),
  ];
  // Listening first, then by protocol; a socket appears once however many fds hold it.
  const seen = new Set<number>();
  return all
    .filter((s) => held.has(s.inode) && !seen.has(s.inode) && seen.add(s.inode))
    .sort((a, b) => Number(b.listening) - Number(a.listening) || a.protocol.localeCompare(b.protocol));
}
