import { NS_LINKS, NS_TYPES } from '../model/nsType';
import type { NsType } from '../model/nsType';
import type { IoctlRecord } from './nsIoctl';
import { ioctlRecordAt, NS_FIELDS } from './nsIoctl';

/** One process as the native scan read it: raw file contents, parsed by src/core/parsers. */
export interface TaskRecord {
  pid: number;
  /**
   * 'gone': exited mid-scan; 'denied': not ours to read (we are not root); 'known': read, but
   * the same process (PID and start time) as one the caller named, so status, cmdline and cgroup
   * were not read again ('' here): the caller keeps them from its last discovery.
   */
  state: 'read' | 'gone' | 'denied' | 'known';
  /** Inode of each link in NS_LINKS order; 0 where the link could not be read. */
  links: number[];
  /** Owner of /proc/PID: the effective UID, as lsns and ps show it (root if not dumpable). */
  uid: number;
  /** From stat: the command name (raw comm), parent PID, thread count, start time in ticks. */
  comm: string;
  ppid: number;
  threads: number;
  startTicks: number;
  /**
   * The Name, PPid, Uid, Gid, NSpid and NStgid lines of status, read only for processes in
   * another PID namespace than the scanner's (for NSpid); '' for the others.
   */
  status: string;
  /**
   * NUL-separated arguments: at most CMDLINE_CAP + 1 bytes from the native scan (one more than
   * is kept tells a longer one, see parsers/cmdline.ts).
   */
  cmdline: string;
  /** Set when the reader (the helper) cut the cmdline at CMDLINE_CAP itself. */
  cmdlineCut?: boolean;
  cgroup: string;
  /**
   * fds referring to a namespace; type null when only the nsfs device told (bind-mount path).
   * null when the fd table could not be read.
   */
  fds: { fd: number; ino: number; dev: number; type: string | null }[] | null;
  /** Threads whose namespace of a type differs from the process'. */
  threadRefs: { tid: number; type: NsType; ino: number }[];
  unreadableThreads: number;
}

/** The nsfs lines of one mount namespace's mountinfo, and the process they were read from. */
export interface NsfsMountsRecord {
  mntns: number;
  pid: number;
  lines: string;
}

/** What one native scan call returns. */
export interface ScanChunk {
  tasks: TaskRecord[];
  /** Each namespace of those processes, described once per call through the ioctls. */
  namespaces: IoctlRecord[];
  mounts: NsfsMountsRecord[];
}

const STATES = ['read', 'gone', 'denied', 'known'] as const;
/** A cgroup field's length when it is the same as the previous record's. */
const SAME_AS_PREVIOUS = 0xffffffff;
/** The fd count when the fd table could not be read. */
const UNREADABLE = 0xffffffff;

/** Decodes the Buffer native/task_scan.c builds (its header comment has the layout). */
export function decodeScan(buffer: Buffer): ScanChunk {
  const chunk: ScanChunk = { tasks: [], namespaces: [], mounts: [] };
  let at = 0;
  const u8 = () => buffer.readUInt8((at += 1) - 1);
  const u32 = () => buffer.readUInt32LE((at += 4) - 4);
  const f64 = () => buffer.readDoubleLE((at += 8) - 8);
  // Fields are decoded straight to strings: a Buffer view per field would cost more than the text.
  const text = () => {
    const length = u32();
    return buffer.toString('utf8', at, (at += length));
  };
  let lastCgroup = '';
  const cgroup = () => {
    if (buffer.readUInt32LE(at) === SAME_AS_PREVIOUS) {
      at += 4;
      return lastCgroup;
    }
    return (lastCgroup = text());
  };
  while (at < buffer.length) {
    const tag = String.fromCharCode(u8());
    if (tag === 'N') {
      const values: number[] = [];
      for (let i = 0; i < NS_FIELDS; i++) values.push(f64());
      chunk.namespaces.push(ioctlRecordAt(values, 0));
      continue;
    }
    if (tag === 'M') {
      const mntns = f64();
      const pid = u32();
      chunk.mounts.push({ mntns, pid, lines: text() });
      continue;
    }
    if (tag !== 'T') throw new Error(`scan record with unknown tag ${JSON.stringify(tag)} at byte ${at - 1}`);
    const pid = u32();
    const state = STATES[u8()];
    const record: TaskRecord = {
      pid,
      state,
      links: [],
      uid: -1,
      comm: '',
      ppid: 0,
      threads: 0,
      startTicks: 0,
      status: '',
      cmdline: '',
      cgroup: '',
      fds: [],
      threadRefs: [],
      unreadableThreads: 0,
    };
    chunk.tasks.push(record);
    if (state !== 'read' && state !== 'known') continue;
    for (let i = 0; i < NS_LINKS.length; i++) record.links.push(f64());
    record.uid = u32();
    record.comm = text();
    record.ppid = u32();
    record.threads = u32();
    record.startTicks = f64();
    if (state === 'read') {
      record.status = text();
      record.cmdline = text();
      record.cgroup = cgroup();
    }
    const fdCount = u32();
    const fds: NonNullable<TaskRecord['fds']> = [];
    record.fds = fdCount === UNREADABLE ? null : fds;
    for (let n = fdCount === UNREADABLE ? 0 : fdCount; n > 0; n--) {
      const fd = u32();
      const ino = f64();
      const dev = f64();
      const type = buffer.toString('utf8', at + 1, (at += 1 + buffer.readUInt8(at)));
      fds.push({ fd, ino, dev, type: type || null });
    }
    for (let n = u32(); n > 0; n--) {
      const tid = u32();
      const type = NS_TYPES[u8()];
      record.threadRefs.push({ tid, type, ino: f64() });
    }
    record.unreadableThreads = u32();
  }
  return chunk;
}
