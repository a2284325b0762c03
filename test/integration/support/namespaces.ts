import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readlinkSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Real namespaces for tests: every process and network namespace made here is recorded and
 * removed by cleanup(), which each test file calls in after() so it runs on failure too.
 */
export class NamespaceLab {
  private readonly children: ChildProcess[] = [];
  private readonly netnsNames: string[] = [];

  /** Starts a command (argv, no shell) and returns its child process. */
  start(argv: string[], options: { stdio?: 'pipe' | 'ignore' } = {}): ChildProcess {
    const child = spawn(argv[0], argv.slice(1), { stdio: options.stdio ?? 'ignore', detached: true });
    this.children.push(child);
    return child;
  }

  /**
   * A unique netns name for this run, deleted by cleanup(). `sortFirst` puts it before other
   * names (a test that picks the first entry of a sorted list).
   */
  netnsName(stem: string, sortFirst = false): string {
    const name = `${sortFirst ? '0000-' : ''}nsi-test-${stem}-${process.pid}-${this.netnsNames.length}`;
    this.netnsNames.push(name);
    return name;
  }

  /** Records a netns made elsewhere under a name of the caller's choosing, for cleanup(). */
  adopt(name: string): void {
    this.netnsNames.push(name);
  }

  addNetns(stem: string, sortFirst = false): string {
    const name = this.netnsName(stem, sortFirst);
    execFileSync('ip', ['netns', 'add', name]);
    return name;
  }

  /**
   * cleanup(), then waits until every process of the lab's process groups has exited (a zombie
   * counts as exited: it is in no namespace), so a discovery right after no longer sees them.
   */
  async stop(): Promise<void> {
    const groups = new Set(this.children.map((child) => child.pid).filter((pid) => pid !== undefined));
    this.cleanup();
    await waitFor('the lab\'s processes to exit', () => (livePidsInGroups(groups).length ? undefined : true));
  }

  cleanup(): void {
    for (const child of this.children) {
      if (child.pid === undefined) continue;
      try {
        // Negative PID: the whole process group (detached children lead their own group).
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    for (const name of this.netnsNames) {
      if (existsSync(`/run/netns/${name}`)) execFileSync('ip', ['netns', 'del', name]);
    }
  }
}

/** Inode of a process' namespace of the given link name, e.g. nsInode(pid, 'net'). */
export function nsInode(pid: number | 'self', link: string): number {
  const target = readlinkSync(`/proc/${pid}/ns/${link}`);
  const match = /\[(\d+)\]$/.exec(target);
  if (!match) throw new Error(`unexpected ns link ${target}`);
  return Number(match[1]);
}

/** Waits until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** PIDs of the children of a process, from every process' stat (this kernel has no task/N/children). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      /* exited */
    }
  }
  return children;
}

/** The deepest descendant along first children: the sleeper at the bottom of nested unshares. */
export async function deepestDescendant(pid: number, depth: number): Promise<number> {
  let current = pid;
  for (let i = 0; i < depth; i++) {
    const parent = current;
    current = await waitFor(`child ${i + 1} of ${pid}`, () => childPids(parent)[0]);
  }
  return current;
}

/** Waits until a process has exec'd the given command (so its namespaces are final). */
export async function waitForCommand(pid: number, command: string, timeoutMs?: number): Promise<void> {
  await waitFor(`pid ${pid} to run ${command}`, () => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command ? true : undefined;
    } catch {
      return undefined;
    }
  }, timeoutMs);
}

/** PIDs of processes, not zombies, whose process group is one of `groups`. */
export function livePidsInGroups(groups: Set<number>): number[] {
  const live: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z' && groups.has(Number(pgrp))) live.push(Number(entry));
    } catch {
      /* exited */
    }
  }
  return live;
}
