import { processNamespaces } from '../../../core/exec/processNamespaces';
import { netnsNameOf } from '../../../core/net/netnsNameOf';
import type { CommandContext } from '../commandContext';

/** Shows the named namespace in the Namespaces view (already refreshed by the action), when it is there. */
export async function revealNetns(ctx: CommandContext, name: string | undefined): Promise<void> {
  const result = await ctx.view.currentResult();
  const ownMnt = processNamespaces('self').mnt ?? -1;
  const ns = name === undefined ? undefined : [...(result?.namespaces.values() ?? [])].find((n) => n.type === 'net' && netnsNameOf(n, ownMnt) === name);
  if (ns) await ctx.view.revealNamespaces([ns.id]).catch(() => 0);
}
