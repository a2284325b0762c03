// Finding the network namespace a command acts on in the picture's model: by key, `ip netns`
// name or "host", or picked in a quick pick; and how prompts name it (host text).
import * as vscode from 'vscode';
import type { NetNamespaceNode, Topology } from '../../../core/net/topology';
import { hostTextForUi } from '../../../core/text/hostText';

/** A namespace by key ("dev:ino"), `ip netns` name, or "host". */
export function findNetNamespace(topology: Topology | undefined, which: string): NetNamespaceNode | undefined {
  return topology?.namespaces.find((n) => n.key === which || n.netnsName === which || (which === 'host' && n.isHost));
}

/** A namespace's label as VS Code's prompts and notifications show it (host text: see hostText). */
export function shown(ns: NetNamespaceNode): string {
  return hostTextForUi(ns.label);
}

export function interfaceNames(ns: NetNamespaceNode): Set<string> {
  return new Set(ns.interfaces.map((i) => i.name));
}

export async function pickNetNamespace(topology: Topology | undefined, title: string, allowed: (ns: NetNamespaceNode) => boolean): Promise<NetNamespaceNode | undefined> {
  const items = (topology?.namespaces ?? []).filter(allowed).map((ns) => ({
    ns,
    label: `$(${ns.isHost ? 'home' : 'globe'}) ${shown(ns)}`,
    description: `net:[${ns.inode}] · ${ns.interfaces.length} interfaces`,
    detail: ns.interfaces.flatMap((i) => i.addresses.filter((x) => x.family === 'inet').map((x) => x.cidr)).join(', ') || undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pick a network namespace', matchOnDescription: true, matchOnDetail: true });
  return picked?.ns;
}
