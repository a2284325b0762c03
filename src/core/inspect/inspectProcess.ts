// Inspect Process: everything /proc says about one process, in one report (inspectTypes.ts).
// Only reads; the environment only when asked (it holds secrets, and is never logged). The
// container comes from the caller, which has discovery's attribution.
import { NsIoctl } from '../discovery/nsIoctl';
import { nativeAddon } from '../discovery/nativeAddon';
import { processNamespaces } from '../exec/processNamespaces';
import { parseCgroup } from '../parsers/cgroup';
import { parseCmdline, CMDLINE_CAP } from '../parsers/cmdline';
import { parseCredentials } from '../parsers/credentials';
import { parseIdMap } from '../parsers/idMap';
import { parseMountinfo, parseMountinfoWithPropagation } from '../parsers/mountinfo';
import { parseStatus } from '../parsers/status';
import { cgroupLimits } from './cgroupLimits';
import { identityOf } from './identity';
import { INSPECT_SCHEMA_VERSION, type ContainerOfProcess, type InspectReport } from './inspectTypes';
import { lsmLabels } from './lsmLabel';
import { buildMountTree } from './mountTree';
import { translatePids } from './pidTranslation';
import { ProcReader } from './procReader';
import { socketsHeld } from './processSockets';
import { parseLimits } from './rlimits';
import { parseCapabilities, parseSecurity, parseState } from './securityStatus';
import { socketInodesOf } from '../net/procNetSockets';

export interface InspectOptions {
  procRoot?: string;
  /** Read /proc/PID/environ too: only on the user's explicit request. */
  withEnvironment?: boolean;
  container?: ContainerOfProcess | null;
}

/** Why a process cannot be inspected at all. */
export class ProcessGoneError extends Error {}

/** Field 22 of /proc/PID/stat (start time in ticks); fields after the command start at field 3. */
export function startTicksOf(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const value = fields[22 - 3];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/** The PID namespaces from the reader's down to the process' own, by inode (NS_GET_PARENT). */
function pidNamespaceChain(path: string): (number | null)[] {
  try {
    const records = new NsIoctl(nativeAddon()).probe(path, true);
    if (!records?.length) return [];
    const byKey = new Map(records.map((r) => [`${r.id.dev}:${r.id.ino}`, r]));
    const chain: number[] = [];
    for (let r: (typeof records)[number] | undefined = records[0]; r && chain.length < 64; r = r.parent ? byKey.get(`${r.parent.dev}:${r.parent.ino}`) : undefined) chain.unshift(r.id.ino);
    return chain;
  } catch {
    return [];
  }
}

export function inspectProcess(pid: number, options: InspectOptions = {}): InspectReport {
  const procRoot = options.procRoot ?? '/proc';
  const reader = new ProcReader(procRoot, pid);
  const stat = reader.text('stat');
  const statusText = reader.text('status');
  const status = statusText === null ? null : parseStatus(statusText);
  const startTicks = stat === null ? null : startTicksOf(stat);
  if (!statusText || !status || startTicks === null) throw new ProcessGoneError(`no process with PID ${pid} (it does not exist, exited, or is not visible to you)`);

  const credentials = parseCredentials(statusText);
  const capabilities = parseCapabilities(statusText);
  if (!credentials || !capabilities) throw new ProcessGoneError(`process ${pid}: its status has no credentials or capability sets this reader understands`);
  const namespaces = processNamespaces(pid, procRoot);
  // Say why, when no namespace link could be read (another user's process, a hidden init).
  if (Object.keys(namespaces).length === 0) reader.link('ns/mnt');

  const uidMap = reader.text('uid_map');
  const gidMap = reader.text('gid_map');
  const fsIds = status.uid.length >= 4 && status.gid.length >= 4 ? { uid: status.uid[3], gid: status.gid[3] } : null;
  const identity = identityOf(credentials, fsIds, uidMap === null ? null : parseIdMap(uidMap), gidMap === null ? null : parseIdMap(gidMap), namespaces.user ?? null);

  const pids = translatePids(procRoot, pid, (path) => reader.textAt(path, path.slice(procRoot.length + 1), 64 * 1024, false), () => reader.entries('task').filter((t) => /^\d+$/.test(t)).map(Number), pidNamespaceChain(reader.path('ns/pid')));
  if (!pids) throw new ProcessGoneError(`process ${pid} exited while it was read`);

  const cgroupText = reader.text('cgroup');
  const cgroupEntries = cgroupText === null ? [] : parseCgroup(cgroupText);
  const ownMounts = parseMountinfo(reader.textAt(`${procRoot}/self/mountinfo`, 'the reader\'s mountinfo') ?? '');
  const limits = cgroupLimits(cgroupEntries, ownMounts, (path) => reader.textAt(path, path, 4096, false));

  const limitsText = reader.text('limits');
  const mountinfo = reader.text('mountinfo');
  const netText = (file: string) => reader.optional(`net/${file}`);
  // socketInodesOf gives [] for an fd table it cannot read: record why here.
  reader.entries('fd');
  const sockets = socketsHeld({ tcp: netText('tcp'), tcp6: netText('tcp6'), udp: netText('udp'), udp6: netText('udp6'), unix: netText('unix') }, socketInodesOf(procRoot, pid));
  const cmdline = reader.text('cmdline', 'cmdline', CMDLINE_CAP);

  const report: InspectReport = {
    schemaVersion: INSPECT_SCHEMA_VERSION,
    pid,
    startTicks,
    command: status.name,
    cmdline: cmdline === null ? [] : parseCmdline(cmdline),
    ppid: status.ppid,
    state: parseState(statusText),
    namespaces: namespaces as Record<string, number>,
    container: options.container ?? null,
    pids,
    identity,
    capabilities,
    security: { ...parseSecurity(statusText), lsm: lsmLabels(reader) },
    cgroup: { entries: cgroupEntries, limits },
    rlimits: limitsText === null ? [] : parseLimits(limitsText),
    root: reader.link('root'),
    cwd: reader.link('cwd'),
    sockets,
    mounts: mountinfo === null ? [] : buildMountTree(parseMountinfoWithPropagation(mountinfo)),
    unreadable: reader.unreadable,
  };
  if (options.withEnvironment) {
    const environ = reader.text('environ', 'environ', 1024 * 1024);
    report.environment = environ === null ? [] : parseCmdline(environ);
  }
  // The same process still (PIDs are reused): else the facts may mix two processes.
  const after = reader.textAt(`${procRoot}/${pid}/stat`, 'stat', 4096, false);
  if (after === null || startTicksOf(after) !== startTicks) throw new ProcessGoneError(`process ${pid} exited while it was read`);
  return report;
}
