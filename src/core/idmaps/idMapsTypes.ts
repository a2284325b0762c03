// The model the ID-maps view draws, as plain JSON types (it is posted to the webview, which
// imports this file only): a user namespace and its ancestors up to the top one, each with its
// uid_map and gid_map lines (inside, relative to the parent, and on the host), owner, setgroups,
// subordinate ranges, processes and warnings.
export interface SubordinateRange {
  start: number;
  count: number;
}

export interface IdMapsWarning {
  kind: 'overlap' | 'hostRoot' | 'beyondSubordinate' | 'sharedHostIds';
  idKind: IdKind;
  text: string;
}

export type IdKind = 'uid' | 'gid';
export const ID_KINDS: readonly IdKind[] = ['uid', 'gid'];

export interface MapLine {
  inside: number;
  count: number;
  /** Start in the parent namespace's IDs; null when the parent's own map is unknown. */
  outside: number | null;
  /** Start on the host: the composite of every map up the chain. */
  host: number;
}

export interface LevelMap {
  /** unwritten: the namespace exists but nothing wrote the map yet (every ID is unmapped inside). */
  state: 'written' | 'unwritten' | 'unknown';
  lines: MapLine[];
}

export interface LevelProcess {
  pid: number;
  command: string;
  uidHost: number;
  /** null: the process' UID is not mapped in this namespace (it shows as the overflow UID). */
  uidInside: number | null;
}

export interface IdMapsLevel {
  inode: number;
  label: string;
  /** The top of the chain: the user namespace discovery runs in (the host's, normally). */
  top: boolean;
  ownerUid: number | null;
  ownerName: string | null;
  setgroups: 'allow' | 'deny' | null;
  maps: Record<IdKind, LevelMap>;
  /** The owner's lines in /etc/subuid and /etc/subgid; null when the file does not exist. */
  subordinate: Record<IdKind, SubordinateRange[] | null>;
  processes: LevelProcess[];
  /** All processes in it; `processes` holds at most MAX_PROCESSES of them. */
  processCount: number;
  warnings: IdMapsWarning[];
}

export interface IdMapsModel {
  dev: number;
  /** The chosen namespace first, then its parent, up to the top. */
  levels: IdMapsLevel[];
  overflow: Record<IdKind, number>;
}

export interface TranslatedId {
  inode: number;
  /** mapped: the ID there; unmapped: it shows as the overflow ID; unknown: its map is unknown. */
  state: 'mapped' | 'unmapped' | 'unknown';
  id: number;
}

export interface Translation {
  kind: IdKind;
  from: number;
  id: number;
  /** The ID on the host, or null when it is not mapped in `from`. */
  host: number | null;
  levels: TranslatedId[];
}
