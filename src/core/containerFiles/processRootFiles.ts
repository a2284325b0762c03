// The files of a process's root (/proc/PID/root) as a file system, free of VS Code: read, and
// changed only when the adapter lets a user do so (writeFile: an existing regular file through
// links inside the root, or a new file made in its parent without following a link;
// createDirectory, delete and rename: in the parent opened inside the root, the last name never
// followed, so a link is made, removed or renamed itself and never its target).
// Every path is resolved by the kernel inside that root (openat2 RESOLVE_IN_ROOT |
// RESOLVE_NO_MAGICLINKS in the addon), so an image's absolute symlink to /etc/shadow gives the
// image's file, ".." stops at its root, and /proc/self/root is refused. Each call re-checks that
// the pinned process still runs: a container that is gone is an error, never stale content.
import type { NativeAddon } from '../discovery/nativeAddon';
import { RootFileError, rootFileError, type RootFileChange } from './rootFileError';
import type { PinnedProcess } from './rootUri';

export type RootFileKind = 'file' | 'directory' | 'other';

export interface RootFileStat {
  kind: RootFileKind;
  /** It is a symbolic link (kind is its target's; 'other' when the target is missing or outside). */
  symlink: boolean;
  size: number;
  mode: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface ReadLimits {
  /** Files larger than this are refused (tooLarge) rather than read into memory. */
  maxBytes: number;
  /** Bytes read per call into the addon. */
  chunkBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 64 * 1024 * 1024, chunkBytes: 1024 * 1024 };

const KINDS: Record<number, RootFileKind> = { 1: 'file', 2: 'directory' };

export class ProcessRootFiles {
  constructor(
    readonly pinned: PinnedProcess,
    private readonly addon: Pick<NativeAddon, 'rootStat' | 'rootReaddir' | 'rootRead' | 'rootWrite' | 'rootMkdir' | 'rootDelete' | 'rootRename'>,
  ) {}

  stat(path: string): RootFileStat {
    const own = this.call(path, () => this.addon.rootStat(this.pinned.pid, this.pinned.startTicks, path, false));
    if (own[0] !== 3) return toStat(own, false);
    // A link: its target's kind, resolved inside the root; a dangling or refused link is "other".
    try {
      return toStat(this.call(path, () => this.addon.rootStat(this.pinned.pid, this.pinned.startTicks, path, true)), true);
    } catch (error) {
      if (error instanceof RootFileError && error.kind === 'gone') throw error;
      return { ...toStat(own, true), kind: 'other' };
    }
  }

  /** Entries with their kinds (links followed inside the root). */
  readDirectory(path: string): [string, RootFileStat['kind'], boolean][] {
    const flat = this.call(path, () => this.addon.rootReaddir(this.pinned.pid, this.pinned.startTicks, path));
    const out: [string, RootFileKind, boolean][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const name = String(flat[i]);
      const kind = Number(flat[i + 1]);
      if (kind === 1 || kind === 2) {
        out.push([name, KINDS[kind], false]);
        continue;
      }
      // A link or a type the directory did not give: ask.
      const child = joinPath(path, name);
      try {
        const stat = this.stat(child);
        out.push([name, stat.kind, stat.symlink]);
      } catch (error) {
        if (error instanceof RootFileError && error.kind === 'gone') throw error;
        out.push([name, 'other', kind === 3]);
      }
    }
    return out;
  }

  /** The chunks of a regular file, in order: read as they are asked for. */
  *readChunks(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Generator<Buffer> {
    const stat = this.stat(path);
    if (stat.kind === 'directory') throw new RootFileError('isADirectory', `${path} is a directory.`);
    if (stat.size > limits.maxBytes) {
      throw new RootFileError('tooLarge', `${path} is ${stat.size} bytes, more than the ${limits.maxBytes} bytes the container file view reads (nsInspector.containerFiles.maxFileSizeMB).`);
    }
    let offset = 0;
    for (;;) {
      const chunk = this.call(path, () => this.addon.rootRead(this.pinned.pid, this.pinned.startTicks, path, offset, limits.chunkBytes));
      if (chunk.length === 0) return;
      offset += chunk.length;
      // A file that grew past the cap while it was read is not read further.
      if (offset > limits.maxBytes) throw new RootFileError('tooLarge', `${path} grew past ${limits.maxBytes} bytes while it was read.`);
      yield chunk;
      if (chunk.length < limits.chunkBytes) return;
    }
  }

  readFile(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Buffer {
    return Buffer.concat([...this.readChunks(path, limits)]);
  }

  /** The whole new content of `path` (create: it may be made; overwrite: an existing file is replaced). */
  writeFile(path: string, data: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.call(path, () => this.addon.rootWrite(this.pinned.pid, this.pinned.startTicks, path, buffer, options.create, options.overwrite));
  }

  /** A new folder (its parent must exist; a link or anything else in its place: exists). */
  createDirectory(path: string): void {
    this.call(path, () => this.addon.rootMkdir(this.pinned.pid, this.pinned.startTicks, path), 'mkdir');
  }

  /** Removes a file, a link (never its target) or a folder (with its contents only when recursive). */
  delete(path: string, options: { recursive: boolean }): void {
    this.call(path, () => this.addon.rootDelete(this.pinned.pid, this.pinned.startTicks, path, options.recursive), 'delete');
  }

  /** Renames within this root (overwrite: an existing target is replaced, else it is "exists"). */
  rename(from: string, to: string, options: { overwrite: boolean }): void {
    this.call(from, () => this.addon.rootRename(this.pinned.pid, this.pinned.startTicks, from, to, options.overwrite), 'rename', to);
  }

  private call<T>(path: string, run: () => T, change?: RootFileChange, to?: string): T {
    try {
      return run();
    } catch (error) {
      throw rootFileError(error, this.pinned.pid, to === undefined ? path : `${path} → ${to}`, change);
    }
  }
}

function toStat(fields: number[], symlink: boolean): RootFileStat {
  return { kind: KINDS[fields[0]] ?? 'other', symlink, size: fields[1], mode: fields[2], mtimeMs: fields[3], ctimeMs: fields[4] };
}

/** A name in a folder of the root: "/" + "etc" is "/etc", "/etc" + "hosts" is "/etc/hosts". */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}
