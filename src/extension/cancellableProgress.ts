// A long operation the user started (a refresh, the privileged snapshot, a capture's start) as a
// notification with a Cancel button once it takes longer than a moment: the token becomes the
// AbortSignal the runner and discovery stop on. A cancelled operation changes nothing and says
// so in the status bar, not in an error toast.
import * as vscode from 'vscode';
import { isCancellation } from '../core/exec/runTool';

/** Below this a notification would only flicker. */
export const SLOW_OPERATION_MS = 300;

/** What a cancelled operation resolves to. */
export const CANCELLED: unique symbol = Symbol('cancelled');

/**
 * Runs `work` with a signal; after `delayMs` (0: at once) shows `title` as a cancellable
 * notification. Resolves with its result, or CANCELLED as soon as the user cancels (the work is
 * told through the signal; a cancellation error it throws is CANCELLED too). Other errors reject.
 */
export async function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>,
  delayMs = SLOW_OPERATION_MS,
): Promise<T | typeof CANCELLED> {
  const controller = new AbortController();
  let report: vscode.Progress<{ message?: string }> | undefined;
  let lastMessage: string | undefined;
  const progress: vscode.Progress<{ message?: string }> = {
    report: (value) => {
      lastMessage = value.message ?? lastMessage;
      report?.report(value);
    },
  };
  const cancelled = new Promise<typeof CANCELLED>((resolve) => controller.signal.addEventListener('abort', () => resolve(CANCELLED), { once: true }));
  const running: Promise<T | typeof CANCELLED> = work(controller.signal, progress).catch((error: unknown): typeof CANCELLED => {
    if (controller.signal.aborted || isCancellation(error)) return CANCELLED;
    throw error;
  });
  const outcome: Promise<T | typeof CANCELLED> = Promise.race([running, cancelled]);
  let settled = false;
  void outcome.finally(() => (settled = true)).catch(() => undefined);
  const show = () => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (shown, token) => {
      report = shown;
      if (lastMessage) shown.report({ message: lastMessage });
      token.onCancellationRequested(() => controller.abort());
      return outcome.catch(() => undefined);
    });
  };
  const timer = delayMs > 0 ? setTimeout(show, delayMs) : undefined;
  if (!timer) show();
  try {
    const result = await outcome;
    if (result === CANCELLED) {
      controller.abort();
      void vscode.window.setStatusBarMessage(`$(circle-slash) ${title}: cancelled`, 5_000);
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}
