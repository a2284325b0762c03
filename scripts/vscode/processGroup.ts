// The VS Code server forks an extension host, a pty host and file watchers, and the extension host
// may start shells and test namespaces. Starting the server as its own process group lets us stop
// the whole tree at once by signalling the group.
import type { ChildProcess } from 'node:child_process';

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM the group and wait up to `graceMs` for its leader (the server) to exit, then SIGKILL
 * what is left: the shells of its terminals ignore SIGTERM, as interactive shells do, and kept
 * every stop waiting the whole grace time.
 */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  const leaderRunning = () => child.exitCode === null && child.signalCode === null;
  while (leaderRunning() && groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pid)) signalGroup(child, 'SIGKILL');
}
