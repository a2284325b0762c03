// New Network Namespace…: `ip netns add` through the helper; a name may be passed (tests,
// keybindings), else it is asked for. Returns {ok, message}.
import type { CommandFactory } from '../commandContext';

export const createNetworkNamespace: CommandFactory = (ctx) => (name?: unknown) =>
  ctx.topology.actions.createNamespace(typeof name === 'string' ? name : undefined);
