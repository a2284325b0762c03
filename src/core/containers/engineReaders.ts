// Read-only readers of the engines' own state: each answers "engine:id" -> facts for the
// containers it knows. No reader shells out; each is bounded by the catalog's timeout.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { ContainerEngine, ContainerFacts, ContainerRef } from '../model/container';
import { getJsonOverUnixSocket } from './unixHttp';

export type FactsByKey = Map<string, ContainerFacts>;

export interface EngineReader {
  /** For the log: "docker (/run/docker.sock)". */
  readonly name: string;
  /** Whether any of these containers is this reader's to name (no call is made otherwise). */
  wants(refs: readonly ContainerRef[]): boolean;
  read(refs: readonly ContainerRef[], timeoutMs: number): Promise<FactsByKey>;
}

export function factsKey(engine: ContainerEngine, id: string): string {
  return `${engine}:${id}`;
}

/** Where the engines keep their state; tests point them elsewhere. */
export interface EnginePaths {
  dockerSocket: string;
  podmanSocket: string;
  /** Rootless Podman's socket of a user: /run/user/UID/podman/podman.sock. */
  rootlessPodmanSocket: (uid: number) => string;
  containerdTasks: string;
  lxcPath: string;
}

export const DEFAULT_ENGINE_PATHS: EnginePaths = {
  dockerSocket: '/run/docker.sock',
  podmanSocket: '/run/podman/podman.sock',
  rootlessPodmanSocket: (uid) => `/run/user/${uid}/podman/podman.sock`,
  containerdTasks: '/run/containerd/io.containerd.runtime.v2.task',
  lxcPath: '/var/lib/lxc',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return Object.keys(out).length ? out : undefined;
}

/** Docker's list (/containers/json) and Podman's libpod list have the same core fields. */
function factsFromListing(engine: ContainerEngine, listing: unknown, into: FactsByKey): void {
  if (!Array.isArray(listing)) throw new Error('the container list is not a list');
  for (const item of listing as Record<string, unknown>[]) {
    const id = text(item?.Id);
    if (!id) continue;
    const names = Array.isArray(item.Names) ? item.Names.filter((n): n is string => typeof n === 'string') : [];
    const labels = stringRecord(item.Labels);
    const facts: ContainerFacts = {
      name: names[0]?.replace(/^\//, '') || undefined,
      image: text(item.Image),
      state: text(item.State),
      labels,
      podName: text(item.PodName),
      composeProject: labels?.['com.docker.compose.project'],
      podNamespace: labels?.['io.kubernetes.pod.namespace'],
    };
    into.set(factsKey(engine, id.toLowerCase()), dropUndefined(facts));
  }
}

function dropUndefined(facts: ContainerFacts): ContainerFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as ContainerFacts;
}

export function dockerReader(paths: EnginePaths): EngineReader {
  return {
    name: `docker (${paths.dockerSocket})`,
    wants: (refs) => refs.some((ref) => ref.engine === 'docker'),
    async read(_refs, timeoutMs) {
      const facts: FactsByKey = new Map();
      factsFromListing('docker', await getJsonOverUnixSocket(paths.dockerSocket, '/containers/json?all=1', timeoutMs), facts);
      return facts;
    },
  };
}

/** Rootful Podman's socket, or one rootless user's (the UID of the conmon that names it). */
export function podmanReader(socket: string, ownerUid: number | undefined): EngineReader {
  return {
    name: `podman (${socket})`,
    wants: (refs) => refs.some((ref) => ref.engine === 'podman' && ref.ownerUid === ownerUid),
    async read(_refs, timeoutMs) {
      const facts: FactsByKey = new Map();
      factsFromListing('podman', await getJsonOverUnixSocket(socket, '/v4.0.0/libpod/containers/json?all=true', timeoutMs), facts);
      return facts;
    },
  };
}

/**
 * containerd has no HTTP API; each running task's OCI spec (config.json, written by containerd,
 * readable by root) carries the CRI annotations: the container, pod and image names.
 */
export function containerdReader(paths: EnginePaths): EngineReader {
  return {
    name: `containerd (${paths.containerdTasks})`,
    wants: (refs) => refs.some((ref) => ref.engine === 'containerd' || ref.engine === 'kubernetes'),
    async read(refs) {
      const facts: FactsByKey = new Map();
      for (const ref of refs) {
        if (ref.engine !== 'containerd' && ref.engine !== 'kubernetes') continue;
        const found = await specOf(paths.containerdTasks, ref);
        if (found) facts.set(factsKey(ref.engine, ref.id), found);
      }
      return facts;
    },
  };
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

async function specOf(root: string, ref: ContainerRef): Promise<ContainerFacts | null> {
  // The id becomes a path component: only what containerd itself allows in an id.
  if (!SAFE_ID.test(ref.id)) return null;
  const namespaces = ref.namespace ? [ref.namespace] : await fsp.readdir(root).catch(() => [] as string[]);
  for (const namespace of namespaces) {
    if (!SAFE_ID.test(namespace)) continue;
    let raw: string;
    try {
      raw = await fsp.readFile(path.join(root, namespace, ref.id, 'config.json'), 'utf8');
    } catch {
      continue;
    }
    let spec: { annotations?: unknown; hostname?: unknown };
    try {
      spec = JSON.parse(raw) as typeof spec;
    } catch {
      return null;
    }
    const a = stringRecord(spec.annotations) ?? {};
    return dropUndefined({
      name: a['io.kubernetes.cri.container-name'] ?? a['io.kubernetes.container.name'] ?? a['nerdctl/name'],
      image: a['io.kubernetes.cri.image-name'],
      state: 'running',
      labels: Object.keys(a).length ? a : undefined,
      podName: a['io.kubernetes.cri.sandbox-name'] ?? a['io.kubernetes.pod.name'],
      podNamespace: a['io.kubernetes.cri.sandbox-namespace'] ?? a['io.kubernetes.pod.namespace'],
    });
  }
  return null;
}

/** LXC keeps each container's config in LXCPATH/NAME/config: its root filesystem and hostname. */
export function lxcReader(paths: EnginePaths): EngineReader {
  return {
    name: `lxc (${paths.lxcPath})`,
    wants: (refs) => refs.some((ref) => ref.engine === 'lxc'),
    async read(refs) {
      const facts: FactsByKey = new Map();
      for (const ref of refs) {
        if (ref.engine !== 'lxc' || ref.id.includes('/') || ref.id === '.' || ref.id === '..') continue;
        const config = await fsp.readFile(path.join(paths.lxcPath, ref.id, 'config'), 'utf8').catch(() => null);
        if (config === null) continue;
        const value = (key: string) => new RegExp(`^\\s*${key.replace(/\./g, '\\.')}\\s*=\\s*(.*?)\\s*$`, 'm').exec(config)?.[1];
        facts.set(factsKey('lxc', ref.id), dropUndefined({ name: ref.id, image: value('lxc.rootfs.path'), state: 'running' }));
      }
      return facts;
    },
  };
}
