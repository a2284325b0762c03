// Connect Two Namespaces…: a veth pair between two network namespaces, addresses optional,
// through the helper. Arguments ({a, b, ifA, ifB, cidrA, cidrB}) skip the prompts.
import type { CommandFactory } from '../commandContext';
import type { ConnectArgs } from '../../views/topology/topologyActions';

function connectArgs(arg: unknown): ConnectArgs {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return {};
  const out: ConnectArgs = {};
  for (const key of ['a', 'b', 'ifA', 'ifB', 'cidrA', 'cidrB'] as const) {
    const value = (arg as Record<string, unknown>)[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export const connectNamespaces: CommandFactory = (ctx) => (arg?: unknown) => ctx.topology.actions.connect(connectArgs(arg));
