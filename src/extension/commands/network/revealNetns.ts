import { netnsNameOf } from '../../../core/net/netnsNameOf';
import type { CommandContext } from '../commandContext';

/** Shows the named namespace in the Namespaces view (already refreshed by the action), when it is there. */
export async function revealNetns(ctx: CommandContext, name: string | undefined): Promise<void> {
  const result = ctx.view.result ?? (await ctx.view.refresh());
  const ns = name === undefined ? undefined : [...(result?.namespaces.values() ?? [])].find((n) => n.type === 'net' && netnsNameOf(n) === name);
  if (ns) await ctx.view.revealNamespaces([ns.id]).catch(() => 0);
}
