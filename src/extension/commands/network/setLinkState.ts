// "Bring Interface Up/Down...": `ip link set IF up|down` through the helper. Arguments: a tree
// item, topology key or `ip netns` name, and an interface name; what is missing is picked.
// Bringing a host interface down asks first ({confirmed: true} as third argument skips that: tests).
// Returns {ok, message}, or undefined when a picker was dismissed.
import type { CommandFactory } from '../commandContext';
import { objectArg, whichNamespace } from './netnsArgs';

export function setLinkState(state: 'up' | 'down'): CommandFactory {
  return (ctx) => async (which?: unknown, ifName?: unknown, options?: unknown) => {
    const title = `Bring Interface ${state === 'up' ? 'Up' : 'Down'}`;
    const picked = await ctx.topology.actions.pickInterface(whichNamespace(which), ifName, title, state);
    return picked && ctx.topology.actions.setLink(picked.namespace, picked.ifName, state, { confirmed: objectArg(options).confirmed === true });
  };
}
