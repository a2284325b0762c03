// The least time any reader of these facts can take on this host: the kernel's own time (system
// CPU) for each kind of procfs read discovery needs, over every process, spread perfectly over
// every CPU, plus Node.js starting with nothing to run. A ratio target below what this floor
// allows cannot be met by a faster reader, only by reading fewer facts.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readlinkSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const LINKS = ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time', 'pid_for_children', 'time_for_children'];

export interface KernelFloor {
  /** System CPU in ms, per kind of read, over every process once. */
  perRead: Record<string, number>;
  /** Their sum, the wall time it takes at best over every CPU, and Node.js's start (median). */
  systemMs: number;
  spreadMs: number;
  nodeStartMs: number;
  processes: number;
}

/** Reads what the native scan reads of every process, one kind at a time, timing the kernel's part. */
export function measureKernelFloor(ownPidNs: string, rounds = 3): KernelFloor {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const buffer = Buffer.alloc(65536);
  const read = (path: string, max: number) => {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return;
    }
    try {
      readSync(fd, buffer, 0, max, null);
    } catch {
      /* gone meanwhile */
    } finally {
      closeSync(fd);
    }
  };
  const attempt = (work: () => unknown) => {
    try {
      work();
    } catch {
      /* a process gone meanwhile: its cost is as good as nothing */
    }
  };
  const kinds: Record<string, (pid: string) => void> = {
    'ten namespace links': (pid) => LINKS.forEach((link) => attempt(() => readlinkSync(`/proc/${pid}/ns/${link}`))),
    'owner (stat of /proc/PID)': (pid) => attempt(() => statSync(`/proc/${pid}`)),
    stat: (pid) => read(`/proc/${pid}/stat`, 4096),
    // Only outside the reader's PID namespace (for NSpid), as the scan does.
    status: (pid) => attempt(() => readlinkSync(`/proc/${pid}/ns/pid`) !== ownPidNs && read(`/proc/${pid}/status`, 65536)),
    cmdline: (pid) => read(`/proc/${pid}/cmdline`, 4097),
    cgroup: (pid) => read(`/proc/${pid}/cgroup`, 65536),
    'fd table and its links': (pid) =>
      attempt(() => readdirSync(`/proc/${pid}/fd`).forEach((fd) => attempt(() => readlinkSync(`/proc/${pid}/fd/${fd}`)))),
  };
  const perRead: Record<string, number> = {};
  for (const [kind, readOne] of Object.entries(kinds)) {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const before = process.cpuUsage();
      pids.forEach(readOne);
      samples.push(process.cpuUsage(before).system / 1000);
    }
    perRead[kind] = median(samples);
  }
  // The status pass also reads a link to decide: take that link's share off again.
  const systemMs = Object.values(perRead).reduce((sum, ms) => sum + ms, 0) - perRead['ten namespace links'] / LINKS.length;
  const starts: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    starts.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { perRead, systemMs, spreadMs: systemMs / availableParallelism(), nodeStartMs: median(starts), processes: pids.length };
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
