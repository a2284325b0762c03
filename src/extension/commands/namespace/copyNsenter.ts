import * as vscode from 'vscode';
import { bindMountEntry, entryDependsOnPid } from '../../../core/exec/namespaceEntry';
import { nsenterNamespaceArgv, nsenterProcessArgv } from '../../../core/exec/nsenterArgv';
import { processNamespaces } from '../../../core/exec/processNamespaces';
import { shellJoin } from '../../../core/exec/shellQuote';
import type { CommandFactory } from '../commandContext';
import { copyToClipboard } from './copyToClipboard';
import { ensureStillExists } from './ensureStillExists';
import { resolveTarget } from './resolveTarget';

/**
 * Copies an nsenter command line that enters the namespace or all namespaces of a process. Quoted
 * for a shell: it is for pasting, maybe much later, so a bind mount this mount namespace sees
 * (/run/netns/NAME) comes first; a line through a PID says that it lasts only as long as that PID.
 */
export const copyNsenter: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await resolveTarget(ctx, arg, 'Copy nsenter Command');
  const live = target && ensureStillExists(target);
  if (!target || !live) return undefined;
  const entry = (target.kind === 'namespace' && bindMountEntry(target.ns, processNamespaces('self').mnt)) || live;
  const argv = target.kind === 'process' ? nsenterProcessArgv(target.process.pid) : nsenterNamespaceArgv(target.ns.type, entry);
  const text = await copyToClipboard(ctx, shellJoin(argv), 'nsenter command');
  const pid = entryDependsOnPid(entry);
  if (pid !== undefined) {
    void vscode.window.showInformationMessage(`Copied an nsenter command that enters through PID ${pid}: it works only while that process runs (a PID, once free, may be given to another process).`);
  }
  return text;
};

