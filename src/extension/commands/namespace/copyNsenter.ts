import { nsenterNamespaceArgv, nsenterProcessArgv } from '../../../core/exec/nsenterArgv';
import { shellJoin } from '../../../core/exec/shellQuote';
import type { CommandFactory } from '../commandContext';
import { copyToClipboard } from './copyToClipboard';
import { ensureStillExists } from './ensureStillExists';
import { resolveTarget } from './resolveTarget';

/**
 * Copies an nsenter command line that enters the namespace (through a live process in it, else
 * the file that holds it) or all namespaces of a process. Quoted for a shell: it is for pasting.
 */
export const copyNsenter: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await resolveTarget(ctx, arg, 'Copy nsenter Command');
  const entry = target && ensureStillExists(target);
  if (!target || !entry) return undefined;
  const argv = target.kind === 'process' ? nsenterProcessArgv(target.process.pid) : nsenterNamespaceArgv(target.ns.type, entry);
  return copyToClipboard(ctx, shellJoin(argv), 'nsenter command');
};
