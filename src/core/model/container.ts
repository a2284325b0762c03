/** The container engines whose cgroup paths discovery recognises. */
export type ContainerEngine = 'docker' | 'containerd' | 'kubernetes' | 'podman' | 'nspawn' | 'lxc';

export interface ContainerRef {
  engine: ContainerEngine;
  /** The engine's id: a 64-hex id for Docker/containerd/Podman, the machine or container name otherwise. */
  id: string;
  /** The pod UID for Kubernetes containers. */
  pod?: string;
}
