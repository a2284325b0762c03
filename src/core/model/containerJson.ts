import type { ContainerRef } from './container';
import { containerName } from './container';
import type { DiscoveryResult } from './result';

/** A container as the JSON documents it (README, "The container object"). */
export function containerToJson(ref: ContainerRef | null) {
  if (!ref) return null;
  const facts = ref.facts ?? {};
  return {
    engine: ref.engine,
    id: ref.id,
    name: containerName(ref),
    image: facts.image ?? null,
    state: facts.state ?? null,
    pod: ref.pod ?? null,
    podName: facts.podName ?? null,
    podNamespace: facts.podNamespace ?? null,
    namespace: ref.namespace ?? null,
    composeProject: facts.composeProject ?? null,
    labels: facts.labels ?? {},
    ownerUid: ref.ownerUid ?? null,
    sharesWithHost: ref.sharesWithHost ?? [],
    evidence: ref.evidence ?? null,
    named: ref.facts !== undefined,
    parent: ref.parent ? { engine: ref.parent.engine, id: ref.parent.id } : null,
  };
}

export interface ContainerListing {
  container: ContainerRef;
  /** Host PIDs of its processes, ascending. */
  pids: number[];
}

/** Every container with processes in the result, nested ones after their parents, by engine and name. */
export function listContainers(result: DiscoveryResult): ContainerListing[] {
  const byRef = new Map<ContainerRef, number[]>();
  for (const process of result.processes.values()) {
    if (!process.container) continue;
    const pids = byRef.get(process.container) ?? [];
    pids.push(process.pid);
    byRef.set(process.container, pids);
  }
  return [...byRef]
    .map(([container, pids]) => ({ container, pids: pids.sort((a, b) => a - b) }))
    .sort((a, b) => a.container.engine.localeCompare(b.container.engine) || containerName(a.container).localeCompare(containerName(b.container)));
}
