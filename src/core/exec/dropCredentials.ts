// What a shell inside a process' namespaces may be: no more than that process. Its IDs are given
// as the shell will see them (inside its user namespace when that is joined).
import type { IdMapRange } from '../parsers/idMap';
import type { ProcessCredentials } from '../parsers/credentials';

export interface DropTo {
  uid: [number, number, number];
  gid: [number, number, number];
  groups: number[];
  /** 16-digit hex masks. */
  bounding: string;
  inheritable: string;
  ambient: string;
  noNewPrivs: boolean;
}

/** The kernel's overflow ID: what an ID that is not mapped into a user namespace shows as there. */
const OVERFLOW_ID = 65534;

/**
 * The target's credentials for the shell. `maps` are the target's uid/gid maps when its user
 * namespace is joined (the IDs read from the host's /proc are outside IDs there); an ID not mapped
 * becomes the overflow ID, a group not mapped is left out: never more than the target.
 */
export function dropToTarget(creds: ProcessCredentials, maps?: { uidMap: readonly IdMapRange[]; gidMap: readonly IdMapRange[] }): DropTo {
  const uid = (id: number) => (maps ? inside(id, maps.uidMap) : id);
  const gid = (id: number) => (maps ? inside(id, maps.gidMap) : id);
  const three = (ids: number[], map: (id: number) => number | undefined) => ids.slice(0, 3).map((id) => map(id) ?? OVERFLOW_ID) as [number, number, number];
  return {
    uid: three(creds.uid, uid),
    gid: three(creds.gid, gid),
    groups: creds.groups.map(gid).filter((id): id is number => id !== undefined),
    bounding: creds.capBnd,
    inheritable: creds.capInh,
    ambient: creds.capAmb,
    noNewPrivs: creds.noNewPrivs,
  };
}

function inside(outside: number, map: readonly IdMapRange[]): number | undefined {
  const range = map.find((r) => outside >= r.outside && outside < r.outside + r.count);
  return range && range.inside + (outside - range.outside);
}

/** nsinspect-enter's options for the drop (native/nsinspect_enter.c). */
export function dropOptions(drop: DropTo): string[] {
  return [
    '--uid', drop.uid.join(','),
    '--gid', drop.gid.join(','),
    '--groups', drop.groups.join(','),
    '--bounding', drop.bounding,
    '--inheritable', drop.inheritable,
    '--ambient', drop.ambient,
    ...(drop.noNewPrivs ? ['--no-new-privs'] : []),
  ];
}
