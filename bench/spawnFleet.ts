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
  // The shell starts its sleepers and then waits; "exec" would lose the group's shell.
  const script = `i=0; while [ $i -lt ${perGroup} ]; do sleep 3600 & i=$((i+1)); done; wait`;
  for (let g = 0; g < groups; g++) {
    const child = spawn('unshare', [...GROUP_KINDS[g % GROUP_KINDS.length], 'sh', '-c', script], {
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    if (child.pid !== undefined) pgids.push(child.pid);
    if (g % 50 === 49) await sleep(50);
  }
  await waitUntilProcessCount(groups * perGroup * 0.98);
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
