import type { NsType } from './nsType';

/** The container engines discovery recognises. */
export type ContainerEngine = 'docker' | 'containerd' | 'kubernetes' | 'podman' | 'nspawn' | 'lxc';

/** How discovery learned which container a process is in (see attributeContainers.ts). */
export type ContainerEvidence = 'cgroup' | 'ancestry' | 'both';

export interface ContainerRef {
  engine: ContainerEngine;
  /** The engine's id: a 64-hex id for Docker/containerd/Podman, the machine or container name otherwise. */
  id: string;
  /** The pod UID for Kubernetes containers. */
  pod?: string;
  /** containerd's namespace ("k8s.io", "default"; Docker's is "moby"). */
  namespace?: string;
  /** The name the engine's monitor process carries in its argv (conmon -n, --machine, lxc-start -n). */
  monitorName?: string;
  /** The UID of a rootless engine's monitor (rootless Podman's conmon): the container's owner. */
  ownerUid?: number;
  /** The container this one runs in (Docker in Docker, kind, Podman in a container). */
  parent?: ContainerRef;
  evidence?: ContainerEvidence;
  /** What the engine says about it, once an engine has answered (see core/containers). */
  facts?: ContainerFacts;
  /** Namespaces its processes share with the host's PID 1 (host network, host PID, ...). */
  sharesWithHost?: NsType[];
}

/** What an engine's own state says about a container. Every string is the engine's: hostile. */
export interface ContainerFacts {
  name?: string;
  image?: string;
  /** "running", "exited", ... as the engine says it. */
  state?: string;
  labels?: Record<string, string>;
  /** The Kubernetes pod name and namespace (CRI annotations, Podman pods: the pod name). */
  podName?: string;
  podNamespace?: string;
  /** Docker Compose's project (label com.docker.compose.project). */
  composeProject?: string;
}

/** The name a person knows a container by: the engine's, else its monitor's, else the id. */
export function containerName(ref: ContainerRef): string {
  return ref.facts?.name ?? ref.monitorName ?? ref.id;
}
