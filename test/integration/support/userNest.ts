// A three-level nest of user namespaces with multi-range maps, made for tests on the real kernel.
// The chain runs as host UID/GID 100000; host root writes the first level's maps, and each deeper
// level's maps are written from inside its parent (nsenter into it), as the kernel requires. Each
// level waits until its own uid_map is written before it makes the next one, then stays there as
// a sleep. The lab's cleanup() kills the whole process group.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { childPids, nsInode, waitFor, waitForCommand, type NamespaceLab } from './namespaces';

/** Each level's maps, outside IDs relative to its parent (level 1's parent is the host). */
export const NEST_MAPS = {
  uid: ['0 100000 1000\n1000 2000 1\n5000 300000 100\n', '0 0 10\n10 1000 1\n20 5000 5\n', '0 0 1\n1 10 1\n100 20 5\n'],
  gid: ['0 100000 1000\n', '0 0 100\n', '0 0 10\n'],
};

/** Each step forks a shell or two; on a loaded 2-core machine that took over 5 s once. */
const NEST_TIMEOUT_MS = 30_000;

/** What a level does: wait for its map, start the rest of the chain in the background, then sleep. */
const LEVEL_SCRIPT = 'while [ -z "$(cat /proc/self/uid_map)" ]; do sleep 0.05; done; "$@" & exec sleep 600';

export interface UserNest {
  /** One process per level, outermost first. */
  pids: [number, number, number];
  /** User namespace inodes, outermost first. */
  inodes: [number, number, number];
}

/** Writes a map file in one write(2), as the kernel requires, from inside user namespace of `fromPid` (or the host). */
export function writeMap(pid: number, file: 'uid_map' | 'gid_map', text: string, fromPid?: number): void {
  const path = `/proc/${pid}/${file}`;
  if (fromPid === undefined) writeFileSync(path, text);
  else execFileSync('nsenter', ['--target', String(fromPid), '--user', '--', 'sh', '-c', 'printf %s "$1" > "$2"', 'sh', text, path]);
}

/** /proc/PID/FILE as a process in the user namespace of `fromPid` reads it (the host when undefined). */
export function readAs(pid: number, file: string, fromPid?: number): string {
  const path = `/proc/${pid}/${file}`;
  return fromPid === undefined ? execFileSync('cat', [path], { encoding: 'utf8' }) : execFileSync('nsenter', ['--target', String(fromPid), '--user', '--', 'cat', path], { encoding: 'utf8' });
}

export async function makeUserNest(lab: NamespaceLab): Promise<UserNest> {
  const level = ['unshare', '--user', '--', 'sh', '-c', LEVEL_SCRIPT, 'sh'];
  const first = lab.start(['setpriv', '--reuid=100000', '--regid=100000', '--clear-groups', '--', ...level, ...level, ...level, 'sleep', '600']).pid!;
  const hostUser = nsInode('self', 'user');
  const pids: number[] = [];
  let pid = first;
  for (let i = 0; i < 3; i++) {
    const parentInode = i === 0 ? hostUser : nsInode(pids[i - 1], 'user');
    const current = pid;
    await waitFor(`level ${i + 1} of the user nest`, () => {
      try {
        return nsInode(current, 'user') !== parentInode ? true : undefined;
      } catch {
        return undefined;
      }
    }, NEST_TIMEOUT_MS);
    // gid_map first: the level goes on as soon as its uid_map is there, and making the next
    // level needs both its UID and its GID mapped (else unshare fails with EPERM).
    writeMap(current, 'gid_map', NEST_MAPS.gid[i], pids[i - 1]);
    writeMap(current, 'uid_map', NEST_MAPS.uid[i], pids[i - 1]);
    await waitForCommand(current, 'sleep', NEST_TIMEOUT_MS);
    pids.push(current);
    if (i < 2) pid = await waitFor(`the child of level ${i + 1}`, () => childPids(current)[0], NEST_TIMEOUT_MS);
  }
  return { pids: pids as UserNest['pids'], inodes: pids.map((p) => nsInode(p, 'user')) as UserNest['inodes'] };
}
