// Which namespaces belong to an isolated terminal: those its process tree (the process the
// terminal started and every descendant) is in and the extension host is not. Pure, over one
// discovery result, so a session follows its namespaces across refreshes.
import { idKey } from '../model/namespaceId';
import type { NsType } from '../model/nsType';
import type { DiscoveryResult } from '../model/result';

/** "dev:ino" keys of the session's namespaces; empty once its processes are gone. */
export function sessionNamespaceKeys(result: DiscoveryResult, rootPid: number, own: Partial<Record<NsType, number>>): Set<string> {
  const children = new Map<number, number[]>();
  for (const p of result.processes.values()) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid)!.push(p.pid);
  }
  const keys = new Set<string>();
  const queue = result.processes.has(rootPid) ? [rootPid] : [];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    const proc = result.processes.get(pid)!;
    for (const [type, ino] of Object.entries(proc.namespaces) as Array<[NsType, number]>) {
      if (ino !== own[type]) keys.add(idKey({ dev: result.nsfsDev, ino }));
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return keys;
}
