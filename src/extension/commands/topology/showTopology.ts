// Show Network Topology: opens (or reveals) the picture; from a network namespace item of the
// tree it also selects that namespace. Returns the panel.
import type { CommandFactory } from '../commandContext';

export const showTopology: CommandFactory = (ctx) => async (arg?: unknown) => {
  const panel = ctx.topology.panels.show();
  if (typeof arg === 'string' && /^ns:\d+:\d+$/.test(arg)) {
    await panel.update();
    panel.focus(arg.slice(3));
  }
  return panel;
};
