import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The unshare flags of each kind of group, two new namespaces each; PID groups fork. */
const GROUP_KINDS: string[][] = [
  ['--uts', '--ipc'],
  ['--mount', '--uts'],
  ['--cgroup', '--ipc'],
  ['--pid', '--fork', '--uts'],
  ['--net', '--ipc'],
];

export interface Fleet {
  groups: number;
  /** Process group ids, one per group: killing them ends every process the fleet started. */
  pgids: number[];
  stop(): void;
}

/**
 * Starts about `processes` sleeping processes spread over `namespaces` new namespaces: groups of
 * a shell and its sleepers under `unshare`, each group in two namespaces of its own.
 */
export async function spawnFleet(processes: number, namespaces: number): Promise<Fleet> {
  const groups = Math.max(1, Math.round(namespaces / 2));
  const perGroup = Math.max(1, Math.round(processes / groups) - 1);
  const fleet = stoppableFleet(groups);
  // The shell starts its sleepers and then waits; "exec" would lose the group's shell.
  const script = `i=0; while [ $i -lt ${perGroup} ]; do sleep 3600 & i=$((i+1)); done; wait`;
  for (let g = 0; g < groups; g++) {
    startGroup(fleet, ['unshare', ...GROUP_KINDS[g % GROUP_KINDS.length], 'sh', '-c', script]);
    if (g % 50 === 49) await sleep(50);
  }
  await waitUntilProcessCount(groups * perGroup * 0.98);
  return fleet;
}

/**
 * The fleet of a host where most processes share the host's namespaces (issue #18): `processes`
 * sleepers, 1 in 10 alone in new UTS, IPC and network namespaces, 1 in 50 also in a new PID
 * namespace; the other 9 in 10 in the host's namespaces, started by shells of 100.
 */
export async function spawnSparseFleet(processes: number): Promise<Fleet> {
  const isolated = Math.round(processes / 10);
  const shared = processes - isolated;
  const perShell = 99;
  const shells = Math.max(1, Math.round(shared / (perShell + 1)));
  const fleet = stoppableFleet(shells + isolated);
  const script = `i=0; while [ $i -lt ${perShell} ]; do sleep 3600 & i=$((i+1)); done; wait`;
  for (let s = 0; s < shells; s++) startGroup(fleet, ['sh', '-c', script]);
  for (let i = 0; i < isolated; i++) {
    // Every fifth isolated one (1 in 50 of all) in a new PID namespace too.
    const pid = i % 5 === 0 ? ['--pid', '--fork'] : [];
    startGroup(fleet, ['unshare', '--uts', '--ipc', '--net', ...pid, 'sleep', '3600']);
    if (i % 50 === 49) await sleep(50);
  }
  await waitUntilProcessCount((shells * perShell + isolated) * 0.98);
  return fleet;
}

function startGroup(fleet: Fleet, argv: string[]): void {
  const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' });
  child.unref();
  if (child.pid !== undefined) fleet.pgids.push(child.pid);
}

function stoppableFleet(groups: number): Fleet {
  const pgids: number[] = [];
  const fleet: Fleet = {
    groups,
    pgids,
    stop() {
      for (const pgid of pgids) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
  // Also when the benchmark is interrupted or killed by a time-out: no sleeper may outlive it.
  process.once('exit', () => fleet.stop());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      fleet.stop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
  return fleet;
}

function countSleepers(): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8') === 'sleep\n') count++;
    } catch {
      /* exited */
    }
  }
  return count;
}

async function waitUntilProcessCount(target: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (countSleepers() < target) {
    if (Date.now() > deadline) throw new Error(`only ${countSleepers()} of ${Math.round(target)} processes started`);
    await sleep(200);
  }
}

/** Starts the fleet of this kind with the bench's options; says what it started. */
export async function startFleet(
  kind: 'dense' | 'sparse',
  options: { processes: number; namespaceCount: number; sparseProcesses: number },
): Promise<Fleet & { title: string }> {
  if (kind === 'dense') {
    console.log(`dense fleet: starting ${options.processes} processes in about ${options.namespaceCount} new namespaces...`);
    return { ...(await spawnFleet(options.processes, options.namespaceCount)), title: `dense fleet (${options.processes} processes, ${options.namespaceCount} new namespaces)` };
  }
  console.log(`sparse fleet: starting ${options.sparseProcesses} processes, 1 in 10 in new UTS/IPC/net namespaces, 1 in 50 also PID...`);
  return { ...(await spawnSparseFleet(options.sparseProcesses)), title: `sparse fleet (${options.sparseProcesses} processes, 1 in 10 in new UTS/IPC/net, 1 in 50 new PID)` };
}

/** Stops the fleet and waits until its sleepers are gone, so the next fleet is measured alone. */
export async function stopFleet(fleet: Fleet): Promise<void> {
  fleet.stop();
  const deadline = Date.now() + 60_000;
  while (countSleepers() > 50 && Date.now() < deadline) await sleep(200);
}
