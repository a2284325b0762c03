import { existsSync, readFileSync } from 'node:fs';
import type { SuiteResults } from '../resultsFile';

/** The server log line when an extension host ends; after it no results will come. */
const HOST_EXITED = /Extension Host Process exited with code: (-?\d+|null)/;
/** How long to wait for the file after the host exited (it is written before run() settles). */
const AFTER_EXIT_GRACE_MS = 3000;

/** Waits for the suite's results file; fails early when the extension host ended without one. */
export async function waitForSuiteResults(resultsFile: string, serverLog: string, timeoutMs: number, keptLog = 'test-results/vscode-server.log'): Promise<SuiteResults> {
  const deadline = Date.now() + timeoutMs;
  let hostExitedAt: number | undefined;
  while (Date.now() < deadline) {
    if (existsSync(resultsFile)) {
      // The suite writes it in one call; a short pause avoids reading it half-written.
      await sleep(200);
      return JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
    }
    const exit = existsSync(serverLog) ? HOST_EXITED.exec(readFileSync(serverLog, 'utf8')) : null;
    if (exit && hostExitedAt === undefined) hostExitedAt = Date.now();
    if (hostExitedAt !== undefined && Date.now() - hostExitedAt > AFTER_EXIT_GRACE_MS) {
      throw new Error(`the extension host exited (code ${exit?.[1]}) without writing results; see ${keptLog}`);
    }
    await sleep(500);
  }
  const progress = `${resultsFile}.progress`;
  const where = existsSync(progress) ? `; its progress:\n${readFileSync(progress, 'utf8')}` : '';
  throw new Error(`the extension-host suite did not finish within ${timeoutMs / 1000} s${where}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
