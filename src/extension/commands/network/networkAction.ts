// What every network command shares: how it fails (a message, a log line, {ok: false}), how it
// acts (the helper step under progress, then the tree and the picture refreshed), and the check
// right before acting that the target still opens the namespace that was shown.
import * as vscode from 'vscode';
import type { NetTarget } from '../../../core/helper/netTarget';
import type { NetNamespaceNode } from '../../../core/net/topology';
import { targetStillIn } from '../../../core/net/targetStillIn';
import { showHelperError } from '../helper/showHelperError';
import type { CommandContext } from '../commandContext';
import { shown } from './netNamespacePick';

/** What a network command resolves with (tests read it): {ok, message}, and a created name. */
export type ActionResult = { ok: true; message: string; name?: string } | { ok: false; message: string };

/** A refusal or a cancel: shown (unless `show` is false), logged, returned. */
export function failed(ctx: CommandContext, message: string, show = true): ActionResult {
  if (show) void vscode.window.showErrorMessage(message);
  ctx.log.info(`topology: ${message}`);
  return { ok: false, message };
}

/** Runs one helper step with progress; on success refreshes the tree and picture (and selects `focusName` there). */
export async function act(ctx: CommandContext, title: string, run: () => Promise<unknown>, done: string, focusName?: string): Promise<ActionResult> {
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, run);
  } catch (error) {
    // A missing or tampered helper offers reinstalling; anything else offers the log.
    void showHelperError(`${title} failed`, error);
    return failed(ctx, `${title} failed: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  ctx.log.info(`topology: ${done}`);
  void vscode.window.showInformationMessage(done);
  await ctx.view.refresh();
  const panel = ctx.topology.panels.current;
  const topology = await panel?.update();
  const created = focusName && topology?.namespaces.find((n) => n.netnsName === focusName);
  if (created) panel?.focus(created.key);
  return { ok: true, message: done, name: focusName };
}

/** The refusal when a target from the last collection opens another namespace now (a reused PID). */
export function movedSince(ctx: CommandContext, target: NetTarget, ns: NetNamespaceNode): ActionResult | undefined {
  const check = targetStillIn(target, ns.key, shown(ns));
  if (check.ok) {
    if (check.unchecked) ctx.log.info(`topology: ${check.unchecked}`);
    return undefined;
  }
  return failed(ctx, check.message);
}
