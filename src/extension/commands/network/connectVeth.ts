// "Connect with veth Pair...": a veth pair between two network namespaces (or one and the host),
// addresses optional, through the helper. From a tree item, that item is the first end; an
// object {a, b, ifA, ifB, cidrA, cidrB} skips the prompts (the topology panel, tests).
// Returns {ok, message}.
import type { CommandFactory } from '../commandContext';
import { connectArgs } from './netnsArgs';

export const connectVeth: CommandFactory = (ctx) => (first?: unknown, second?: unknown) => ctx.topology.actions.connect(connectArgs(first, second));
