// The namespaces the sidebar tests look for: a network namespace with a process in it, a UTS+PID
// session, and nested user namespaces. Built on the integration tests' NamespaceLab, so every
// process and netns is removed by cleanup(), also when a test fails.
import { execFileSync } from 'node:child_process';
import { deepestDescendant, NamespaceLab, nsInode, waitForCommand } from '../../integration/support/namespaces';

export interface SidebarNamespaces {
  netnsName: string;
  netIno: number;
  /** A sleep inside the network namespace. */
  netPid: number;
  /** A sleep in a new UTS and PID namespace (PID 1 inside). */
  sessionPid: number;
  utsIno: number;
  pidIno: number;
  /** A sleep two user namespaces down; the middle one has no process. */
  nestedPid: number;
  innerUserIno: number;
}

export async function makeSidebarNamespaces(lab: NamespaceLab): Promise<SidebarNamespaces> {
  const netnsName = lab.addNetns('sidebar');
  const netPid = lab.start(['ip', 'netns', 'exec', netnsName, 'sleep', '600']).pid!;
  await waitForCommand(netPid, 'sleep');
  const session = lab.start(['unshare', '--uts', '--pid', '--fork', 'sh', '-c', 'hostname nsi-sidebar-test && exec sleep 600']).pid!;
  const sessionPid = await deepestDescendant(session, 1);
  await waitForCommand(sessionPid, 'sleep');
  const nestedPid = lab.start(['unshare', '--user', '--map-root-user', 'unshare', '--user', '--map-root-user', 'sleep', '600']).pid!;
  await waitForCommand(nestedPid, 'sleep');
  return {
    netnsName,
    netIno: nsInode(netPid, 'net'),
    netPid,
    sessionPid,
    utsIno: nsInode(sessionPid, 'uts'),
    pidIno: nsInode(sessionPid, 'pid'),
    nestedPid,
    innerUserIno: nsInode(nestedPid, 'user'),
  };
}

/** Removes one network namespace early (the test checks it vanishes); cleanup() skips it then. */
export function deleteNetns(name: string): void {
  execFileSync('ip', ['netns', 'del', name]);
}

export { NamespaceLab };
