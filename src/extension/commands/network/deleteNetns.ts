// "Delete Network Namespace...": `ip netns del NAME` through the helper after a modal
// confirmation. Takes a tree item, a topology key or an `ip netns` name, else asks;
// {confirmed: true} skips the question (tests). Returns {ok, message}.
import type { CommandFactory } from '../commandContext';
import { objectArg, whichNamespace } from './netnsArgs';

export const deleteNetns: CommandFactory = (ctx) => (which?: unknown, options?: unknown) =>
  ctx.topology.actions.deleteNamespace(whichNamespace(which), { confirmed: objectArg(options).confirmed === true });
