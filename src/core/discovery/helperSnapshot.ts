// The privileged helper's `snapshot` (raw procfs text and namespace ioctl facts read as root, see
// helper/nsinspect-helper) turned into the same records the native scan produces, so elevated
// discovery runs the very pipeline and parsers unprivileged discovery runs.
import { NS_LINKS, NS_TYPES } from '../model/nsType';
import type { NsType } from '../model/nsType';
import { devFromMajorMinor, idKey } from '../model/namespaceId';
import { parseNsLink } from '../parsers/nsLink';
import { parseMountinfo, nsfsMounts } from '../parsers/mountinfo';
import type { IoctlRecord } from './nsIoctl';
import { ioctlRecordAt, NS_FIELDS } from './nsIoctl';
import type { NsfsMountsRecord, ScanChunk, TaskRecord } from './scanRecords';

export interface HelperSnapshot {
  /** The helper's own PID: it and its children are left out (they are the snapshot, not the host). */
  selfPid: number;
  nsfsDev: number;
  /** Everything as one chunk of the native scan's records. */
  chunk: ScanChunk;
  /** Contents of the per-process files the later steps read (uid_map, gid_map, setgroups). */
  files: Map<string, string>;
  /** Namespace links of every task read: PID -> TID -> link name -> inode. */
  taskLinks: Map<number, Map<number, Map<string, number>>>;
  /** Path -> namespace key ("dev:ino") of the fds and bind mounts read, for NsIoctl lookups. */
  pathKeys: Map<string, string>;
  /** The ioctl facts by namespace key. */
  facts: Map<string, IoctlRecord>;
  /** The helper's own PID namespace (status, for NSpid, is kept only for processes outside it). */
  ownPidNs: number;
}

/** Where a task record's links hold its user namespace. */
const USER_LINK = NS_LINKS.indexOf('user');

/** Sections of the snapshot: NUL, "@@NAME", NUL, then the section's bytes. */
function sections(text: string): Map<string, string> {
  const parts = text.split(/\0@@([a-z_]+)\0/);
  const found = new Map<string, string>();
  for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i], parts[i + 1]);
  if (!found.has('end')) throw new Error('the helper snapshot is incomplete (no end marker)');
  return found;
}

function records(section: string | undefined): string[] {
  if (!section) return [];
  const list = section.split('\0');
  if (list[list.length - 1] === '') list.pop();
  return list;
}

/** "/proc/PID/FILE:CONTENT" records (grep -z -H) -> PID -> content; cmdline args joined by NUL. */
function perPid(section: string | undefined, file: string, joinArgs = false): Map<number, string> {
  const byPid = new Map<number, string>();
  const prefix = /^\/proc\/(\d+)\//;
  for (const record of records(section)) {
    const match = prefix.exec(record);
    const start = match ? match[0].length + file.length + 1 : -1;
    if (!match || record.slice(match[0].length, start) !== `${file}:`) continue;
    const pid = Number(match[1]);
    const content = record.slice(start);
    byPid.set(pid, joinArgs ? `${byPid.get(pid) ?? ''}${content}\0` : content);
  }
  return byPid;
}

interface Stat {
  comm: string;
  state: string;
  ppid: number;
  threads: number;
  startTicks: number;
}

/** /proc/PID/stat: the comm is between the first '(' and the last ')'. */
function parseStat(text: string): Stat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = text.slice(close + 2).trim().split(' ');
  // fields[0] is field 3 (state): field N is fields[N - 3].
  return { comm: text.slice(open + 1, close), state: fields[0], ppid: Number(fields[1]), threads: Number(fields[17]), startTicks: Number(fields[19]) };
}

export function parseHelperSnapshot(text: string): HelperSnapshot {
  const s = sections(text);
  const selfPid = Number(s.get('self'));
  const nsfsDev = Number((s.get('nsfsdev') ?? '').trim());
  if (!Number.isInteger(selfPid) || !Number.isInteger(nsfsDev)) throw new Error('the helper snapshot has no self PID or nsfs device');

  // Links of every task: /proc/PID/task/TID/ns/LINK TYPE:[INO] (tens of thousands of records:
  // one pattern each, and their paths are not stored; snapshotProbe reads them back from here).
  const taskLinks = new Map<number, Map<number, Map<string, number>>>();
  const pathKeys = new Map<string, string>();
  const linkRecord = /^\/proc\/(\d+)\/task\/(\d+)\/ns\/([a-z_]+) [a-z_]+:\[(\d+)\]$/;
  for (const record of records(s.get('links'))) {
    const match = linkRecord.exec(record);
    const ino = match ? Number(match[4]) : NaN;
    if (!match || !Number.isSafeInteger(ino)) continue;
    const [pid, tid, name] = [Number(match[1]), Number(match[2]), match[3]];
    let tasks = taskLinks.get(pid);
    if (!tasks) taskLinks.set(pid, (tasks = new Map()));
    let links = tasks.get(tid);
    if (!links) tasks.set(tid, (links = new Map()));
    links.set(name, ino);
  }

  const fdsByPid = new Map<number, NonNullable<TaskRecord['fds']>>();
  for (const record of records(s.get('fds'))) {
    const match = /^\/proc\/(\d+)\/fd\/(\d+) (\d+) (\d+) (.*)$/s.exec(record);
    if (!match) continue;
    const [pid, fd, dev, ino, target] = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), match[5]];
    const named = parseNsLink(target);
    const list = fdsByPid.get(pid) ?? [];
    list.push({ fd, ino, dev, type: named ? named.type : null });
    fdsByPid.set(pid, list);
    pathKeys.set(`/proc/${pid}/fd/${fd}`, idKey({ dev, ino }));
  }

  const uids = new Map<number, number>();
  for (const record of records(s.get('procs'))) {
    const [pid, uid] = record.split(' ').map(Number);
    if (Number.isInteger(pid) && Number.isInteger(uid)) uids.set(pid, uid);
  }
  const stats = perPid(s.get('stat'), 'stat');
  const statuses = perPid(s.get('status'), 'status');
  // At most CMDLINE_CAP bytes each from this helper, and the PIDs it cut (an older helper sent
  // them whole: sourceTasks cuts those).
  const cmdlines = perPid(s.get('cmdline'), 'cmdline', true);
  const cmdlinesCut = new Set(records(s.get('cmdlinecut')).map(Number));
  const cgroups = perPid(s.get('cgroup'), 'cgroup');

  const ownPidNs = taskLinks.get(selfPid)?.get(selfPid)?.get('pid') ?? 0;
  const parsedStats = new Map<number, Stat>();
  for (const [pid, text] of stats) {
    const stat = parseStat(text);
    if (stat) parsedStats.set(pid, stat);
  }
  const excluded = ownProcesses(selfPid, parsedStats);

  const chunk: ScanChunk = { tasks: [], namespaces: [], mounts: [] };
  const mountsByMntns = new Map<number, NsfsMountsRecord>();
  // The nsfs lines of each mount namespace, from the first process read in it (a helper reads
  // them once per mount namespace; an older one for every process).
  const mountLines = new Map<number, { pid: number; lines: string }>();
  for (const [pid, lines] of [...mountinfoByPid(s.get('mountinfo'))].sort(([a], [b]) => a - b)) {
    const mntns = taskLinks.get(pid)?.get(pid)?.get('mnt');
    if (mntns !== undefined && !mountLines.has(mntns)) mountLines.set(mntns, { pid, lines });
  }
  for (const pid of [...uids.keys()].sort((a, b) => a - b)) {
    if (excluded.has(pid)) continue;
    const own = taskLinks.get(pid)?.get(pid);
    const stat = parsedStats.get(pid);
    const record: TaskRecord = {
      pid,
      state: 'gone',
      links: NS_LINKS.map((link) => own?.get(link) ?? 0),
      uid: uids.get(pid) ?? -1,
      comm: stat?.comm ?? '',
      ppid: stat?.ppid ?? 0,
      threads: stat?.threads ?? 0,
      startTicks: stat?.startTicks ?? 0,
      status: '',
      cmdline: cmdlines.get(pid) ?? '',
      cmdlineCut: cmdlinesCut.has(pid),
      cgroup: cgroups.get(pid) ?? '',
      fds: fdsByPid.get(pid) ?? [],
      threadRefs: [],
      unreadableThreads: 0,
    };
    chunk.tasks.push(record);
    // Exited mid-snapshot, or a zombie (only its PID link still reads): skipped, as the scan does.
    if (!own || own.size === 0 || !stat || stat.state === 'Z' || stat.state === 'X') continue;
    record.state = 'read';
    if (own.get('pid') !== ownPidNs) record.status = statuses.get(pid) ?? '';
    for (const [tid, links] of taskLinks.get(pid) ?? []) {
      if (tid === pid) continue;
      for (const [index, type] of NS_TYPES.entries()) {
        const ino = links.get(type);
        if (ino !== undefined && ino !== record.links[index]) record.threadRefs.push({ tid, type: type as NsType, ino });
      }
    }
    const mntns = own.get('mnt');
    if (mntns !== undefined && !mountsByMntns.has(mntns)) {
      const read = mountLines.get(mntns) ?? { pid, lines: '' };
      mountsByMntns.set(mntns, { mntns, pid: read.pid, lines: read.lines });
      for (const mount of nsfsMounts(parseMountinfo(read.lines))) {
        pathKeys.set(`/proc/${read.pid}/root${mount.mountPoint}`, idKey({ dev: devFromMajorMinor(mount.major, mount.minor), ino: mount.ino }));
      }
    }
  }
  chunk.mounts = [...mountsByMntns.values()];

  const facts = new Map<string, IoctlRecord>();
  for (const line of (s.get('ioctl') ?? '').split('\n')) {
    const values = line.trim().split(' ').map(Number);
    if (values.length !== NS_FIELDS || values.some((value) => !Number.isFinite(value))) continue;
    const fact = ioctlRecordAt(values, 0);
    facts.set(idKey(fact.id), fact);
  }
  chunk.namespaces = [...facts.values()];

  const files = new Map<string, string>();
  for (const file of ['uid_map', 'gid_map', 'setgroups']) {
    // Read once per user namespace (an older helper: for every process): the same for each
    // process in it.
    const byUserns = new Map<number, string>();
    for (const [pid, content] of perPid(s.get(file), file)) {
      const userns = taskLinks.get(pid)?.get(pid)?.get('user');
      if (userns !== undefined && !byUserns.has(userns)) byUserns.set(userns, content);
    }
    // Nothing is printed for an empty file: a user namespace with no mapping yet. As root every
    // process' maps are readable, so a process read without one has an empty one.
    for (const task of chunk.tasks) {
      const userns = task.state === 'read' ? task.links[USER_LINK] : 0;
      const content = (userns ? byUserns.get(userns) : undefined) ?? (file === 'setgroups' || task.state !== 'read' ? undefined : '');
      if (content !== undefined) files.set(`/proc/${task.pid}/${file}`, content);
    }
  }
  return { selfPid, nsfsDev, chunk, files, taskLinks, pathKeys, facts, ownPidNs };
}

/** The helper, its children, and the sudo or pkexec that started it. */
function ownProcesses(selfPid: number, stats: Map<number, Stat>): Set<number> {
  const own = new Set([selfPid]);
  const parent = stats.get(selfPid)?.ppid;
  if (parent !== undefined && ['sudo', 'pkexec'].includes(stats.get(parent)?.comm ?? '')) own.add(parent);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!own.has(pid) && own.has(stat.ppid) && stat.ppid !== parent) {
        own.add(pid);
        grew = true;
      }
    }
  }
  return own;
}

/** The nsfs lines of each process' mountinfo ("/proc/PID/mountinfo:LINE" per line). */
function mountinfoByPid(section: string | undefined): Map<number, string> {
  const byPid = new Map<number, string>();
  for (const line of (section ?? '').split('\n')) {
    const match = /^\/proc\/(\d+)\/mountinfo:(.*)$/.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    byPid.set(pid, `${byPid.get(pid) ?? ''}${match[2]}\n`);
  }
  return byPid;
}

/** The ioctl facts of the namespace a probed path leads to, and with `ancestors` those above it. */
export function snapshotProbe(snapshot: HelperSnapshot, path: string, ancestors: boolean): number[] | null {
  const key = linkKey(snapshot, path) ?? snapshot.pathKeys.get(path);
  const first = key === undefined ? undefined : snapshot.facts.get(key);
  if (!first) return null;
  const flat: number[] = [];
  const seen = new Set<string>();
  const queue: IoctlRecord[] = [first];
  while (queue.length) {
    const fact = queue.shift()!;
    const factKey = idKey(fact.id);
    if (seen.has(factKey)) continue;
    seen.add(factKey);
    flat.push(fact.id.dev, fact.id.ino, fact.cloneFlag ?? -1, fact.owner?.dev ?? -1, fact.owner?.ino ?? -1, fact.parent?.dev ?? -1, fact.parent?.ino ?? -1, fact.ownerUid ?? -1);
    if (!ancestors) break;
    for (const next of [fact.owner, fact.parent]) {
      const found = next && snapshot.facts.get(idKey(next));
      if (found) queue.push(found);
    }
  }
  return flat;
}

/** The namespace key of a task's link path (/proc/PID/ns/NAME or /proc/PID/task/TID/ns/NAME). */
function linkKey(snapshot: HelperSnapshot, path: string): string | undefined {
  const match = /^\/proc\/(\d+)\/(?:task\/(\d+)\/)?ns\/([a-z_]+)$/.exec(path);
  if (!match) return undefined;
  const pid = Number(match[1]);
  const ino = snapshot.taskLinks.get(pid)?.get(match[2] === undefined ? pid : Number(match[2]))?.get(match[3]);
  return ino === undefined ? undefined : idKey({ dev: snapshot.nsfsDev, ino });
}
