import type { CommandFactory } from '../commandContext';
import { copyToClipboard } from './copyToClipboard';
import { resolveTarget } from './resolveTarget';

/** Copies the namespace's inode (for a process: of the namespace it is listed under). */
export const copyInode: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await resolveTarget(ctx, arg, 'Copy Inode');
  return target && copyToClipboard(ctx, String(target.ns.id.ino), 'inode');
};
