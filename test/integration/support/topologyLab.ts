// The test topology the topology tests share (core, extension host, browser): three named
// namespaces, a bridge in the first with veth ports to the other two and to a namespace only a
// process holds, addresses, routes, a macvlan, and a listening TCP socket. Names are random per
// run so other test runs on the host do not collide; NamespaceLab removes everything.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NamespaceLab, nsInode, waitFor, waitForCommand } from './namespaces';

export interface TestTopology {
  /** Named namespaces: a holds the bridge, b and c hang off it. */
  a: string;
  b: string;
  c: string;
  /** The process that alone holds the fourth namespace, and that namespace's inode. */
  holderPid: number;
  holderInode: number;
  /** The process listening on TCP `port` in b. */
  listenerPid: number;
  port: number;
  /** Second octet of the 10.X.0.0/24 subnet on the bridge. */
  octet: number;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export async function buildTestTopology(lab: NamespaceLab): Promise<TestTopology> {
  const tag = randomBytes(3).toString('hex');
  const octet = 1 + (randomBytes(1)[0] % 250);
  const [a, b, c] = ['a', 'b', 'c'].map((stem) => {
    const name = `nsi-${tag}-${stem}`;
    lab.adopt(name);
    ip('netns', 'add', name);
    ip('-n', name, 'link', 'set', 'lo', 'up');
    return name;
  });
  ip('-n', a, 'link', 'add', 'br0', 'type', 'bridge');
  ip('-n', a, 'addr', 'add', `10.${octet}.0.1/24`, 'dev', 'br0');
  ip('-n', a, 'link', 'set', 'br0', 'up');
  for (const [port, other, address] of [['vb', b, 2], ['vc', c, 3]] as const) {
    ip('-n', a, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', other);
    ip('-n', a, 'link', 'set', port, 'master', 'br0', 'up');
    ip('-n', other, 'addr', 'add', `10.${octet}.0.${address}/24`, 'dev', 'eth0');
    ip('-n', other, 'link', 'set', 'eth0', 'up');
  }
  ip('-n', b, 'route', 'add', 'default', 'via', `10.${octet}.0.1`);
  ip('-n', c, 'link', 'add', 'mv0', 'link', 'eth0', 'type', 'macvlan', 'mode', 'bridge');
  ip('-n', c, 'addr', 'add', `10.${octet}.1.3/24`, 'dev', 'mv0');
  ip('-n', c, 'link', 'set', 'mv0', 'up');

  const holder = lab.start(['unshare', '--net', 'sleep', '600']);
  await waitForCommand(holder.pid!, 'sleep');
  ip('-n', a, 'link', 'add', 'vp', 'type', 'veth', 'peer', 'name', 'eth1', 'netns', String(holder.pid));
  ip('-n', a, 'link', 'set', 'vp', 'master', 'br0', 'up');

  const port = 20000 + (randomBytes(2).readUInt16BE() % 30000);
  const listener = lab.start(['ip', 'netns', 'exec', b, process.execPath, '-e', `require('net').createServer().listen(${port}, '0.0.0.0')`]);
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  await waitFor(`the listener on port ${port}`, () => {
    try {
      return readFileSync(`/proc/${listener.pid}/net/tcp`, 'utf8').includes(hexPort) ? true : undefined;
    } catch {
      return undefined;
    }
  }, 10_000);
  return { a, b, c, holderPid: holder.pid!, holderInode: nsInode(holder.pid!, 'net'), listenerPid: listener.pid!, port, octet };
}

export interface HelperOnlyExtras {
  /** A namespace only an open fd (fd 3 of fdHolderPid, a process in the host's) holds; a/vz ~ eth2 there. */
  fdHolderPid: number;
  fdInode: number;
  /** A named namespace no process is in, with a TCP socket listening on `port` inside it, held by socketHolderPid (in the host's). */
  lonely: string;
  socketHolderPid: number;
  lonelyPort: number;
}

/**
 * Two namespaces the plain topology lab has not: one held only by an fd (connected to a's
 * bridge), and one with no process but a listening socket, made inside it by a process that then
 * went back to the host's namespace (perl, setns: the socket stays in the namespace it was made in).
 */
export async function addHelperOnlyExtras(lab: NamespaceLab, t: TestTopology): Promise<HelperOnlyExtras> {
  const tag = randomBytes(3).toString('hex');
  const fdName = `nsi-${tag}-fd`;
  lab.adopt(fdName);
  ip('netns', 'add', fdName);
  ip('-n', t.a, 'link', 'add', 'vz', 'type', 'veth', 'peer', 'name', 'eth2', 'netns', fdName);
  ip('-n', t.a, 'link', 'set', 'vz', 'master', 'br0', 'up');
  ip('-n', fdName, 'link', 'set', 'eth2', 'up');
  const fdHolder = lab.start(['sh', '-c', `exec 3</run/netns/${fdName}; exec sleep 600`]);
  await waitForCommand(fdHolder.pid!, 'sleep');
  const fdInode = Number(execFileSync('stat', ['-L', '-c', '%i', `/proc/${fdHolder.pid}/fd/3`], { encoding: 'utf8' }));
  ip('netns', 'del', fdName);

  const lonely = `nsi-${tag}-lonely`;
  lab.adopt(lonely);
  ip('netns', 'add', lonely);
  ip('-n', lonely, 'link', 'set', 'lo', 'up');
  const lonelyPort = 20000 + (randomBytes(2).readUInt16BE() % 30000);
  const listen = `use Socket; require "syscall.ph"; open(my $home, "<", "/proc/self/ns/net") or die; open(my $there, "<", $ARGV[0]) or die;
    syscall(&SYS_setns, fileno($there), 0x40000000) == 0 or die "setns: $!"; socket(my $s, PF_INET, SOCK_STREAM, 0) or die;
    bind($s, pack_sockaddr_in($ARGV[1], INADDR_ANY)) or die "bind: $!"; listen($s, 5) or die;
    syscall(&SYS_setns, fileno($home), 0x40000000) == 0 or die "setns back: $!"; sleep 600;`;
  const holder = lab.start(['perl', '-e', listen, `/run/netns/${lonely}`, String(lonelyPort)]);
  const hexPort = `:${lonelyPort.toString(16).toUpperCase().padStart(4, '0')} `;
  await waitFor(`the listener on port ${lonelyPort} in ${lonely}`, () => {
    try {
      const inside = execFileSync('nsenter', [`--net=/run/netns/${lonely}`, 'cat', '/proc/self/net/tcp'], { encoding: 'utf8' });
      return inside.includes(hexPort) && readFileSync(`/proc/${holder.pid}/stat`, 'utf8').includes('(perl)') ? true : undefined;
    } catch {
      return undefined;
    }
  }, 10_000);
  return { fdHolderPid: fdHolder.pid!, fdInode, lonely, socketHolderPid: holder.pid!, lonelyPort };
}
