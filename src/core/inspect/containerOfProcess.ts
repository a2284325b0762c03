// The container a process is in, from discovery's attribution (core/discovery/attributeContainers)
// and the engines' names (core/containers), and that container's main process: the one whose
// parent is outside the container (the engine's monitor or runtime), the oldest (containerMainProcess).
import type { ContainerRef } from '../model/container';
import { containerName } from '../model/container';
import type { DiscoveryResult } from '../model/result';
import type { ContainerOfProcess } from './inspectTypes';
import { containerMainProcess } from '../debugTools/containerMainProcess';

/** The host PID of a container's main process, or undefined when none of its processes is seen. */
export function mainPidOf(result: DiscoveryResult, container: ContainerRef): number | undefined {
  return containerMainProcess(result.processes.values(), container.engine, container.id)?.pid;
}

export function containerOfProcess(result: DiscoveryResult, pid: number): ContainerOfProcess | null {
  const container = result.processes.get(pid)?.container;
  if (!container) return null;
  const mainPid = mainPidOf(result, container) ?? pid;
  return {
    engine: container.engine,
    id: container.id,
    name: containerName(container),
    image: container.facts?.image ?? null,
    state: container.facts?.state ?? null,
    main: mainPid === pid,
    mainPid,
  };
}
