import type { ProcessInfo } from '../model/process';

/** A container's main process: of its processes, those whose parent is outside it, the oldest. */
export function containerMainProcess(processes: Iterable<ProcessInfo>, engine: string, id: string): ProcessInfo | undefined {
  const inside = [...processes].filter((p) => p.container?.engine === engine && p.container.id === id);
  const pids = new Set(inside.map((p) => p.pid));
  return inside.filter((p) => !pids.has(p.ppid)).sort((a, b) => a.startTicks - b.startTicks || a.pid - b.pid)[0];
}
