// Which shell a process' own root has. Looked up under /proc/PID/root, where the kernel would
// follow an absolute symlink or ".." out to the host's files: each component is resolved here by
// hand, symlinks against the target's root, ".." never above it.
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { posix } from 'node:path';

/** Where shells are in common images, after the user's own: Debian, alpine, busybox, distroless debug. */
export const COMMON_SHELLS = ['/bin/bash', '/bin/sh', '/usr/bin/bash', '/usr/bin/sh', '/bin/ash', '/busybox/sh'];

const MAX_LINKS = 40;

/**
 * The path `path` names inside `root`, as a host path under root with every symlink resolved
 * inside it; undefined when a component is missing, a loop, or not readable.
 */
export function resolveInRoot(root: string, path: string): string | undefined {
  const pending = path.split('/').filter(Boolean);
  const done: string[] = [];
  let links = 0;
  while (pending.length) {
    const part = pending.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      done.pop(); // at the root, ".." is the root
      continue;
    }
    const host = posix.join(root, ...done, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(host).isSymbolicLink();
    } catch {
      return undefined;
    }
    if (!isLink) {
      done.push(part);
      continue;
    }
    if (++links > MAX_LINKS) return undefined;
    let target: string;
    try {
      target = readlinkSync(host);
    } catch {
      return undefined;
    }
    if (target.startsWith('/')) done.length = 0;
    pending.unshift(...target.split('/').filter(Boolean));
  }
  return posix.join(root, ...done);
}

/** Whether `path` inside `root` is an executable regular file (symlinks resolved inside root). */
export function executableInRoot(root: string, path: string): boolean {
  const host = resolveInRoot(root, path);
  if (!host) return false;
  try {
    // lstat: resolveInRoot left no symlink to follow; a regular file with an x bit.
    const st = lstatSync(host);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

export type ShellPick = { kind: 'found'; shell: string } | { kind: 'none'; tried: string[] } | { kind: 'unreadable' };

/** The first of `wanted` (then the common shells) that the root has; busybox runs as its sh applet. */
export function pickShellInRoot(root: string, wanted: readonly string[]): ShellPick {
  try {
    // /proc/PID/root is a link the kernel lets only the process' owner (or root) follow.
    if (!statSync(root).isDirectory()) return { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
  const tried = [...new Set([...wanted.filter((p) => p.startsWith('/')), ...COMMON_SHELLS])];
  const shell = tried.find((path) => executableInRoot(root, path));
  return shell ? { kind: 'found', shell } : { kind: 'none', tried };
}
