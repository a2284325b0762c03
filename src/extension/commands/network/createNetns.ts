// "Create Network Namespace...": `ip netns add NAME` through the helper (TopologyActions checks
// the name first), then the tree shows and selects it. A name may be passed as a string or
// {name} (tests, keybindings). Returns {ok, message}.
import type { CommandFactory } from '../commandContext';
import { objectArg } from './netnsArgs';
import { revealNetns } from './revealNetns';

export const createNetns: CommandFactory = (ctx) => async (arg?: unknown) => {
  const named = objectArg(arg).name;
  const name = typeof arg === 'string' ? arg : typeof named === 'string' ? named : undefined;
  const result = await ctx.topology.actions.createNamespace(name);
  if (result.ok) await revealNetns(ctx, result.name);
  return result;
};
