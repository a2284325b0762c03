// Text search in a process's root, free of VS Code: VS Code's workspace search cannot reach a
// file system provider's files without proposed APIs, so the container folder has a search of
// its own. It walks the tree through ProcessRootFiles (every path resolved by the kernel inside
// the root), like `grep -r`: symbolic links are not followed (no loops, no file twice), the
// kernel's virtual trees (/proc, /sys, /dev) are left out, binary and large files are skipped and
// counted, and empty files are not opened (procfs reports size 0, and a read of /proc/kmsg waits
// for the kernel: a container may mount procfs anywhere). The walk yields to the event loop
// between files, so the extension host stays responsive, and stops when its signal is aborted.
import { RootFileError } from './rootFileError';
import { joinPath, type ProcessRootFiles } from './processRootFiles';

export interface RootSearchOptions {
  /** Literal text to find (not a pattern). */
  query: string;
  caseSensitive?: boolean;
  /** The folder inside the root to search, "/" by default. */
  start?: string;
  /** Folders left out, as absolute paths inside the root. */
  skip?: readonly string[];
  /** Files larger than this are skipped (counted as too large). */
  maxFileBytes?: number;
  /** The search stops after this many matching lines (truncated). */
  maxMatches?: number;
  /** The search stops after this many entries, files (searched or skipped) and folders (truncated). */
  maxFiles?: number;
  signal?: AbortSignal;
  /** Told after every file searched, for a progress display. */
  onFile?: (filesSearched: number) => void;
}

export interface RootMatch {
  /** Absolute path inside the root. */
  path: string;
  /** 1-based line number. */
  line: number;
  /** 0-based character offset of the first match in the line. */
  column: number;
  /** The match's length in characters. */
  length: number;
  /** The line's text (cut at PREVIEW_MAX characters). */
  preview: string;
}

export interface RootSearchResult {
  matches: RootMatch[];
  filesSearched: number;
  skipped: { binary: number; tooLarge: number; unreadable: number };
  /** A limit (matches or files) ended the search before it had seen everything. */
  truncated: boolean;
  /** The signal ended the search before it had seen everything. */
  cancelled: boolean;
}

export const DEFAULT_SEARCH_SKIP: readonly string[] = ['/proc', '/sys', '/dev'];
export const DEFAULT_SEARCH_LIMITS = { maxFileBytes: 1024 * 1024, maxMatches: 2000, maxFiles: 50_000 };
export const PREVIEW_MAX = 250;
/** Bytes looked at for a NUL byte, as grep does, to tell a binary file. */
const BINARY_PROBE = 8192;
/** Work done between two yields to the event loop. */
const SLICE_MS = 8;

export async function searchRootFiles(files: ProcessRootFiles, options: RootSearchOptions): Promise<RootSearchResult> {
  if (options.query === '') throw new RangeError('The text to find is empty.');
  const pattern = new RegExp(escapeRegExp(options.query), options.caseSensitive ? 'u' : 'iu');
  const skip = new Set((options.skip ?? DEFAULT_SEARCH_SKIP).map(trimSlash));
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_SEARCH_LIMITS.maxFileBytes;
  const maxMatches = options.maxMatches ?? DEFAULT_SEARCH_LIMITS.maxMatches;
  const maxFiles = options.maxFiles ?? DEFAULT_SEARCH_LIMITS.maxFiles;
  const result: RootSearchResult = { matches: [], filesSearched: 0, skipped: { binary: 0, tooLarge: 0, unreadable: 0 }, truncated: false, cancelled: false };

  const folders = [trimSlash(options.start ?? '/') || '/'];
  let visited = 0;
  let sliceStart = Date.now();
  /** Lets the event loop run when this slice is used up; false once the search is cancelled. */
  const mayGoOn = async (): Promise<boolean> => {
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
    if (options.signal?.aborted) result.cancelled = true;
    return !result.cancelled;
  };
  while (folders.length) {
    if (!(await mayGoOn())) break;
    const folder = folders.pop()!;
    let entries: ReturnType<ProcessRootFiles['readDirectory']>;
    try {
      entries = files.readDirectory(folder);
    } catch (error) {
      if (isGone(error)) throw error;
      result.skipped.unreadable++;
      continue;
    }
    // Sorted, and pushed in reverse, so the walk visits names in order (results read like a listing).
    const subfolders: string[] = [];
    for (const [name, kind, symlink] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (symlink || (kind !== 'directory' && kind !== 'file')) continue;
      if (visited >= maxFiles || result.matches.length >= maxMatches) {
        result.truncated = true;
        return result;
      }
      visited++;
      const path = joinPath(folder, name);
      if (kind === 'directory') {
        if (!skip.has(path)) subfolders.push(path);
        continue;
      }
      if (!(await mayGoOn())) return result;
      searchFile(files, path, pattern, maxFileBytes, maxMatches, result);
      options.onFile?.(result.filesSearched);
    }
    for (let i = subfolders.length - 1; i >= 0; i--) folders.push(subfolders[i]);
  }
  return result;
}

function searchFile(files: ProcessRootFiles, path: string, pattern: RegExp, maxFileBytes: number, maxMatches: number, result: RootSearchResult): void {
  let content: Buffer;
  try {
    const size = files.stat(path).size;
    // Nothing to find in an empty file, and procfs files say 0: not opened at all.
    if (size === 0) return;
    if (size > maxFileBytes) {
      result.skipped.tooLarge++;
      return;
    }
    content = files.readFile(path, { maxBytes: maxFileBytes, chunkBytes: maxFileBytes });
  } catch (error) {
    if (isGone(error)) throw error;
    if (error instanceof RootFileError && error.kind === 'tooLarge') result.skipped.tooLarge++;
    else result.skipped.unreadable++;
    return;
  }
  result.filesSearched++;
  if (content.subarray(0, BINARY_PROBE).includes(0)) {
    result.skipped.binary++;
    return;
  }
  // Lines as VS Code counts them (\n, \r\n or a lone \r), without a leading byte-order mark.
  const lines = content.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const found = pattern.exec(lines[i]);
    if (!found) continue;
    if (result.matches.length >= maxMatches) {
      result.truncated = true;
      return;
    }
    result.matches.push({ path, line: i + 1, column: found.index, length: found[0].length, preview: lines[i].slice(0, PREVIEW_MAX) });
  }
}

function isGone(error: unknown): boolean {
  return error instanceof RootFileError && error.kind === 'gone';
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
