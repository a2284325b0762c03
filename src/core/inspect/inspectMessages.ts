// The messages between the Inspect Process panel and its webview, and the checks the extension
// runs on what the webview sends (and on the state a restore hands back): the page is untrusted.
import { isUint, withKeys } from '../messages/messageChecks';
import type { InspectReport } from './inspectTypes';

export const INSPECT_VIEW_TYPE = 'nsInspector.inspectProcess';

/** One process: the PID and its start time (PIDs are reused). */
export interface InspectTarget {
  pid: number;
  startTicks: number;
}

export type ToInspectWebview =
  /** gone: the process has exited (or its PID now names another process); report is the last one read. */
  | { type: 'report'; report: InspectReport | null; gone: boolean; error: string | null; target: InspectTarget; updated: string }
  /** Only after the user asked ("Show Environment"); never logged. */
  | { type: 'environment'; lines: string[] | null; error: string | null };

export type FromInspectWebview = { type: 'refresh' } | { type: 'showEnvironment' };

export function checkInspectMessage(message: unknown): FromInspectWebview | undefined {
  const m = withKeys(message, ['type']);
  if (m?.type === 'refresh') return { type: 'refresh' };
  if (m?.type === 'showEnvironment') return { type: 'showEnvironment' };
  return undefined;
}

export function checkInspectState(state: unknown): InspectTarget | undefined {
  const s = withKeys(state, ['pid', 'startTicks']);
  return s && isUint(s.pid, 2 ** 31) && s.pid > 0 && isUint(s.startTicks) ? { pid: s.pid, startTicks: s.startTicks } : undefined;
}
