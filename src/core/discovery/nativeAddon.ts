import * as path from 'node:path';
import * as fs from 'node:fs';

/** The nsnative Node-API addon (native/): namespace ioctls and the fast procfs scan. */
export interface NativeAddon {
  /** Flat records of the namespace at `path` (and its ancestors); null when it cannot be opened. */
  probe(path: string, ancestors: boolean): number[] | null;
  /**
   * Reads these processes (all under procRoot when pids is null) on `threads` threads of its
   * own; calls onChunk(buffer) for each chunk read and onChunk(null, error?) once at the end. See
   * native/task_scan.c.
   */
  scanTasks(
    procRoot: string,
    pids: number[] | null,
    nsfsDev: number,
    ownPidNs: number,
    fdCandidates: string[],
    threads: number,
    /** The scanning threads' nice value (0..19). */
    nice: number,
    /**
     * Processes read before, as flat pid, start time pairs sorted by pid: those still with that
     * start time come back as 'known' records, without status, cmdline and cgroup.
     */
    known: number[] | null,
    onChunk: (chunk: Buffer | null, error?: string) => void,
  ): void;
  /**
   * The nsids the network namespace at fromPath gave to each of toPaths (-1: none, -2: cannot
   * open); null when fromPath cannot be joined. See native/netns_ids.c.
   */
  netnsIds(fromPath: string, toPaths: string[]): number[] | null;
  /** Ends the process with _exit(code), skipping Node's teardown (native/exit_now.c). */
  exitNow(code: number): never;
  /**
   * The listening TCP and unconnected UDP sockets of the network namespace at nsPath, asked from
   * a thread inside it: the texts of /proc/net/{tcp,tcp6,udp,udp6} in that format; null when
   * nsPath cannot be joined. See native/netns_listening.c.
   */
  netnsListening(nsPath: string): string[] | null;
  /**
   * Files of a process's root, resolved inside it (openat2 RESOLVE_IN_ROOT |
   * RESOLVE_NO_MAGICLINKS) and pinned to the process by its start ticks; errors carry the errno
   * name as `code` ("ESRCH": the process is gone). See native/root_files.c.
   * rootStat: [kind, size, mode, mtimeMs, ctimeMs]; kind 1 file, 2 directory, 3 link, 0 other.
   */
  rootStat(pid: number, startTicks: number, path: string, follow: boolean): [number, number, number, number, number];
  /** Names and kinds, flat: [name, kind, name, kind, ...]. */
  rootReaddir(pid: number, startTicks: number, path: string): (string | number)[];
  /** Up to `length` (at most 16 MiB) bytes of a regular file from `offset`. */
  rootRead(pid: number, startTicks: number, path: string, offset: number, length: number): Buffer;
  /**
   * The whole new content of a file (create: it may be made; overwrite: an existing one is
   * replaced). An existing file is found through links inside the root and must be a regular
   * file; a new one is made in its parent with O_EXCL | O_NOFOLLOW ("EEXIST", "EINVAL"...).
   */
  rootWrite(pid: number, startTicks: number, path: string, data: Buffer, create: boolean, overwrite: boolean): void;
  /**
   * rootMkdir, rootDelete and rootRename act in the parent directory opened in the root; the
   * last component must be a plain name ("EINVAL") and is never followed (a link is made,
   * removed or renamed itself). rootDelete of a directory: "ENOTEMPTY" unless recursive, which
   * follows no link and descends into no other mount ("EXDEV"). rootRename: "EEXIST" unless
   * overwrite; both paths in the same root.
   */
  rootMkdir(pid: number, startTicks: number, path: string): void;
  rootDelete(pid: number, startTicks: number, path: string, recursive: boolean): void;
  rootRename(pid: number, startTicks: number, from: string, to: string, overwrite: boolean): void;
  /**
   * The hostname inside the UTS namespace at each path (what `hostname` prints there), read by a
   * thread that joins each in turn; null where it cannot be joined. See native/uts_hostnames.c.
   */
  utsHostnames(paths: string[]): Array<string | null>;
}

const FILE = 'nsnative.node';

/** Where the addon may be: next to the bundle (dist/, the .vsix) or in the source tree's build. */
function candidates(): string[] {
  return [
    path.join(__dirname, FILE),
    path.join(__dirname, '..', '..', '..', 'native', 'build', 'Release', FILE),
    path.join(__dirname, '..', 'native', 'build', 'Release', FILE),
  ];
}

let loaded: NativeAddon | undefined;

/** Loads the addon once; throws an error that says how to build it when it is missing. */
export function nativeAddon(): NativeAddon {
  if (loaded) return loaded;
  const found = candidates().find((candidate) => fs.existsSync(candidate));
  if (found === undefined) {
    throw new Error(`the native addon ${FILE} is missing: run "npm run build:native" (needs python3, make and a C compiler)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require(found) as NativeAddon;
  return loaded;
}
