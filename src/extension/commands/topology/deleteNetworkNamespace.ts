// Delete Network Namespace…: `ip netns del` through the helper after a modal confirmation.
// Takes a namespace key or `ip netns` name; {confirmed: true} skips the question (tests).
import type { CommandFactory } from '../commandContext';

export const deleteNetworkNamespace: CommandFactory = (ctx) => (which?: unknown, options?: unknown) =>
  ctx.topology.actions.deleteNamespace(typeof which === 'string' ? which : undefined, {
    confirmed: typeof options === 'object' && options !== null && (options as { confirmed?: unknown }).confirmed === true,
  });
