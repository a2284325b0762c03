// Everything a test run starts registers how to stop it here, so Ctrl-C, a time-out or a crash
// still leaves no process behind.
type Stopper = () => Promise<void> | void;
type SyncKiller = () => void;

const stoppers: Array<{ stop: Stopper; kill: SyncKiller }> = [];

/**
 * `stop` is the graceful way (awaited by stopAll); `kill` must be synchronous and is what runs
 * when the process is already exiting.
 */
export function onCleanup(stop: Stopper, kill: SyncKiller): void {
  stoppers.push({ stop, kill });
}

/** Stops everything, newest first (browser before the server it talks to). */
export async function stopAll(): Promise<void> {
  while (stoppers.length) {
    const entry = stoppers.pop()!;
    try {
      await entry.stop();
    } catch (error) {
      console.error(`cleanup: ${(error as Error).message}`);
      entry.kill();
    }
  }
}

process.on('exit', () => {
  for (const entry of stoppers.reverse()) entry.kill();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything this run started`);
    void stopAll().finally(() => process.exit(130));
  });
}
