// Discovery from a previous result (the view's incremental refresh) must find exactly what a full
// discovery finds: after every round of random forks, exits, unshares, setns (nsenter), execs and
// namespace fds opened and closed, in processes new and old, the two agree on the lab's processes
// and every namespace they are in or hold. The processes that change their namespaces in place
// (same PID, start time and command name) are the case the incremental scan could get wrong.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { discover } from '../../src/core/discovery/discover';
import { idKey } from '../../src/core/model/namespaceId';
import type { DiscoveryResult } from '../../src/core/model/result';
import { NamespaceLab, livePidsInGroups, waitForCommand } from './support/namespaces';

/**
 * A process that changes its own namespaces on a signal, keeping its PID, start time and command
 * name: USR1 unshares UTS and IPC, HUP joins the test's UTS namespace (setns), USR2 opens the network
 * namespace of the process named in the target file (or closes the fds it holds when that is empty),
 * WINCH execs sleep (a new command name).
 */
const CHURNER = String.raw`
use strict;
my @held;
my $target_file = $ARGV[0];
$SIG{USR1} = sub { syscall(272, 0x04000000 | 0x08000000) };
$SIG{HUP} = sub { if (open(my $fh, '<', "/proc/$ARGV[1]/ns/uts")) { syscall(308, fileno($fh), 0x04000000) } };
$SIG{USR2} = sub {
  open(my $t, '<', $target_file) or return;
  my $pid = <$t>;
  if (defined $pid && $pid =~ /^(\d+)$/) { if (open(my $fh, '<', "/proc/$1/ns/net")) { push @held, $fh } }
  else { @held = () }
};
$SIG{WINCH} = sub { exec('sleep', '1000') };
sleep 1 while 1;
`;

/** A small seeded generator, so a failing round can be replayed from the seed in the message. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Live (not zombie) PIDs whose process group is one of `groups`. */
function labPids(groups: Set<number>): Set<number> {
  return new Set(livePidsInGroups(groups));
}

/** What a result says about the lab's processes and every namespace they are in or hold. */
function project(result: DiscoveryResult, lab: Set<number>): unknown {
  const processes = [...result.processes.values()]
    .filter((p) => lab.has(p.pid))
    .sort((a, b) => a.pid - b.pid)
    .map((p) => ({ pid: p.pid, ppid: p.ppid, command: p.command, cmdline: p.cmdline, nspid: p.nspid, cgroup: p.cgroup, uid: p.uid, startTicks: p.startTicks, namespaces: p.namespaces }));
  const ours = (pids: number[]) => pids.filter((pid) => lab.has(pid)).sort((a, b) => a - b);
  const namespaces = [...result.namespaces.values()]
    .filter((ns) => ns.pids.some((pid) => lab.has(pid)) || ns.fdRefs.some((ref) => lab.has(ref.pid)) || ns.forChildrenPids.some((pid) => lab.has(pid)))
    .map((ns) => ({
      key: idKey(ns.id),
      type: ns.type,
      pids: ours(ns.pids),
      forChildren: ours(ns.forChildrenPids),
      fds: ns.fdRefs.filter((ref) => lab.has(ref.pid)).map((ref) => `${ref.pid}:${ref.fd}`).sort(),
      parent: ns.parent && idKey(ns.parent),
      owner: ns.owner && idKey(ns.owner),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { processes, namespaces };
}

describe('incremental discovery under churn', () => {
  const lab = new NamespaceLab();
  const targetFile = `/tmp/nsi-churn-target-${process.pid}`;
  after(() => {
    lab.cleanup();
    rmSync(targetFile, { force: true });
  });

  it('equals a full discovery after every round of forks, exits, unshares, setns, execs and fds', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.NSI_CHURN_SEED ?? Date.now() % 100000);
    const next = random(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
    const groups = new Set<number>();
    const churners: number[] = [];
    const start = (argv: string[]) => {
      const child = lab.start(argv);
      if (child.pid !== undefined) groups.add(child.pid);
      return child.pid;
    };
    const signal = (pid: number, name: NodeJS.Signals) => {
      try {
        process.kill(pid, name);
      } catch {
        /* exited */
      }
    };
    const operations: Record<string, () => void> = {
      fork: () => start(pick([['sleep', '1000'], ['unshare', '--uts', '--ipc', 'sleep', '1000'], ['unshare', '--net', '--pid', '--fork', 'sleep', '1000']])),
      churner: () => {
        const pid = start(['perl', '-e', CHURNER, targetFile, String(process.pid)]);
        if (pid !== undefined) churners.push(pid);
      },
      exit: () => {
        // Some processes stay, so that every round has something to compare.
        if (groups.size <= 2) return;
        const group = pick([...groups]);
        signal(-group, 'SIGKILL');
        groups.delete(group);
      },
      unshare: () => start(['unshare', '--uts', '--net', 'sleep', '1000']),
      unshareInPlace: () => churners.length && signal(pick(churners), 'SIGUSR1'),
      setns: () => {
        const target = pick([...labPids(groups)]);
        if (target !== undefined) start(['nsenter', '-t', String(target), '--net', '--uts', 'sleep', '1000']);
      },
      setnsInPlace: () => churners.length && signal(pick(churners), 'SIGHUP'),
      holdFd: () => {
        // Hold the network namespace of a lab process open, then (often) end that process: the
        // namespace lives on through the fd alone.
        const target = pick([...labPids(groups)]);
        if (target === undefined || !churners.length) return;
        writeTarget(targetFile, String(target));
        signal(pick(churners), 'SIGUSR2');
      },
      closeFds: () => {
        if (!churners.length) return;
        writeTarget(targetFile, '');
        signal(pick(churners), 'SIGUSR2');
      },
      exec: () => {
        const pid = churners.pop();
        if (pid !== undefined) signal(pid, 'SIGWINCH');
      },
    };
    for (let i = 0; i < 3; i++) operations.churner();
    await Promise.all(churners.map((pid) => waitForCommand(pid, 'perl')));
    let incremental = await discover();
    const names = Object.keys(operations);
    const rounds = 8;
    for (let round = 1; round <= rounds; round++) {
      const done: string[] = [];
      for (let n = 2 + Math.floor(next() * 5); n > 0; n--) {
        const name = pick(names);
        operations[name]();
        done.push(name);
        if (name === 'holdFd' || name === 'closeFds') await sleep(100); // one target file at a time
      }
      // Let the spawned commands reach their final namespaces and the signals land.
      await sleep(500);
      const previous = incremental;
      incremental = await discover({ previous });
      const full = await discover();
      const lab = labPids(groups);
      assert.ok(lab.size > 0, `the lab has processes (groups ${[...groups].join(' ')}; ${done.join(', ')})`);
      assert.deepEqual(project(incremental, lab), project(full, lab), `round ${round} (seed ${seed}: ${done.join(', ')})`);
    }
  });
});

function writeTarget(path: string, text: string): void {
  writeFileSync(path, text);
}
