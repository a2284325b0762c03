// Collects the topology the way the Namespaces view sees the host: as the caller, or — when the
// view shows all namespaces through the privileged helper and the caller is not root — as root
// through the helper too (one net-read call for the whole picture).
import { callerIsRoot } from '../../../core/exec/callerPrivilege';
import { collectTopology } from '../../../core/net/collectTopology';
import type { Topology } from '../../../core/net/topology';
import type { DiscoveryResult } from '../../../core/model/result';
import type { PrivilegedHelper } from '../../helper/privilegedHelper';
import type { IsolatedSessions } from '../../terminals/isolatedSessions';
import type { NamespacesView } from '../namespacesView';

/** Whether the topology is read through the helper now. */
export function readsThroughHelper(view: NamespacesView, helper: PrivilegedHelper | undefined): helper is PrivilegedHelper {
  return view.privileged && helper !== undefined && !callerIsRoot();
}

/**
 * Discovers again (through the view) — or takes the discovery the view has just shown — and
 * collects; undefined when discovery failed.
 */
export async function collectForView(
  view: NamespacesView,
  sessions: IsolatedSessions,
  helper: PrivilegedHelper | undefined,
  justShown?: DiscoveryResult,
): Promise<Topology | undefined> {
  const discovery = justShown ?? (await view.refresh());
  if (!discovery) return undefined;
  const names = sessions.namespaceNames(discovery);
  const through = readsThroughHelper(view, helper) ? helper : undefined;
  return collectTopology({
    discovery,
    labelFor: (key) => names.get(key),
    readThroughHelper: through && (async (targets, signal) => (await through.run({ verb: 'net-read', targets }, { signal })).stdout),
  });
}
