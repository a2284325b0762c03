// The nsfs-root:// file system: a process's root through ProcessRootFiles (the kernel resolves
// every path inside that root). Errors become FileSystemErrors with their words: a container that
// is gone is Unavailable. Read-only unless the user allowed writing in that folder (for this
// window): VS Code's provider-wide isReadonly cannot differ per folder, so the provider is
// registered writable, every FileStat says Readonly (editors open read-only) until it is allowed,
// and every change (writeFile, createDirectory, delete, rename) refuses with NoPermissions and
// how to allow. Once allowed, they act inside the root (ProcessRootFiles); a rename stays within
// one container folder.
import * as vscode from 'vscode';
import { nativeAddon } from '../../core/discovery/nativeAddon';
import { DEFAULT_READ_LIMITS, ProcessRootFiles, type RootFileKind, type RootFileStat } from '../../core/containerFiles/processRootFiles';
import { RootFileError } from '../../core/containerFiles/rootFileError';
import { parseRootAuthority, ROOT_SCHEME } from '../../core/containerFiles/rootUri';
import type { WritableFolders } from '../../core/containerFiles/writableFolders';

const ALLOW_COMMAND = 'Namespace Inspector: Allow Writing in Container Folder…';

export class RootFileSystemProvider implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly writable: WritableFolders,
  ) {}

  static register(log: vscode.LogOutputChannel, writable: WritableFolders): vscode.Disposable {
    const provider = new RootFileSystemProvider(log, writable);
    // When a folder's permission changes, its open documents are told to stat again: VS Code
    // re-reads the Readonly permission and the editors become editable (or read-only) in place.
    const unsubscribe = writable.onDidChange((authority) => {
      const uris = vscode.workspace.textDocuments.map((document) => document.uri).filter((uri) => uri.scheme === ROOT_SCHEME && uri.authority === authority);
      provider.changed.fire([vscode.Uri.from({ scheme: ROOT_SCHEME, authority, path: '/' }), ...uris].map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
    });
    return vscode.Disposable.from(vscode.workspace.registerFileSystemProvider(ROOT_SCHEME, provider, { isCaseSensitive: true }), new vscode.Disposable(unsubscribe), provider.changed);
  }

  // Nothing to watch for (the view reads again when asked; our own writes are announced).
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const stat = this.files(uri, (files) => files.stat(uri.path));
    return { type: fileType(stat.kind, stat.symlink), size: stat.size, mtime: Math.round(stat.mtimeMs), ctime: Math.round(stat.ctimeMs), permissions: this.writable.isAllowed(uri.authority) ? undefined : vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return this.files(uri, (files) => files.readDirectory(uri.path).map(([name, kind, symlink]) => [name, fileType(kind, symlink)]));
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const maxMb = vscode.workspace.getConfiguration('nsInspector').get<number>('containerFiles.maxFileSizeMB', 64);
    return this.files(uri, (files) => files.readFile(uri.path, { ...DEFAULT_READ_LIMITS, maxBytes: Math.max(1, maxMb) * 1024 * 1024 }));
  }

  // The changes are async: a refusal must be a rejected promise, never a synchronous throw. VS
  // Code's workspace.fs.writeFile calls writeFile through a per-file queue (a Limiter) that counts
  // a task as running before it calls it and only counts it done when the returned promise
  // settles: a throw left the task running forever, and every later workspace.fs.writeFile of
  // that file waited on it (the "hang after Make Container Folder Read-Only": the same file had
  // been refused once before).
  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): Promise<void> {
    this.mustBeWritable(uri);
    this.files(uri, (files) => files.writeFile(uri.path, content, { create: options.create, overwrite: options.overwrite }));
    this.log.info(`container files: wrote ${content.byteLength} bytes to ${uri.toString()}`);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    this.mustBeWritable(uri);
    this.files(uri, (files) => files.createDirectory(uri.path));
    this.log.info(`container files: made folder ${uri.toString()}`);
    this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    this.mustBeWritable(uri);
    this.files(uri, (files) => files.delete(uri.path, { recursive: options.recursive }));
    this.log.info(`container files: deleted ${uri.toString()}${options.recursive ? ' (recursive)' : ''}`);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    if (newUri.scheme !== ROOT_SCHEME || newUri.authority !== oldUri.authority) {
      throw vscode.FileSystemError.NoPermissions(`${newUri.toString()} is not in the container folder of ${oldUri.toString()}: a rename stays within one container's root.`);
    }
    this.mustBeWritable(oldUri);
    this.files(oldUri, (files) => files.rename(oldUri.path, newUri.path, { overwrite: options.overwrite }));
    this.log.info(`container files: renamed ${oldUri.toString()} to ${newUri.toString()}`);
    this.changed.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  /** Every change is refused (NoPermissions, saying how to allow) until the user allows writing in the folder. */
  private mustBeWritable(uri: vscode.Uri): void {
    if (!this.writable.isAllowed(uri.authority)) {
      throw vscode.FileSystemError.NoPermissions(`This container folder is read-only: run "${ALLOW_COMMAND}" (Explorer context menu on the folder) to change files in the running container.`);
    }
  }

  private files<T>(uri: vscode.Uri, use: (files: ProcessRootFiles) => T): T {
    const pinned = parseRootAuthority(uri.authority);
    if (!pinned) throw vscode.FileSystemError.FileNotFound(`${uri.authority} does not name a process (PID-STARTTICKS)`);
    try {
      return use(new ProcessRootFiles(pinned, nativeAddon()));
    } catch (error) {
      if (!(error instanceof RootFileError)) throw error;
      this.log.debug(`container files: ${error.message}`);
      switch (error.kind) {
        case 'gone':
          throw vscode.FileSystemError.Unavailable(error.message);
        case 'notFound':
        case 'refused':
          throw vscode.FileSystemError.FileNotFound(error.message);
        case 'notADirectory':
          throw vscode.FileSystemError.FileNotADirectory(error.message);
        case 'isADirectory':
          throw vscode.FileSystemError.FileIsADirectory(error.message);
        case 'exists':
          throw vscode.FileSystemError.FileExists(error.message);
        case 'notEmpty':
          // FileSystemError has no kind for it (VS Code's own disk provider gives Unknown too).
          throw new vscode.FileSystemError(error.message);
        case 'noPermission':
          throw vscode.FileSystemError.NoPermissions(error.message);
        default:
          throw vscode.FileSystemError.Unavailable(error.message);
      }
    }
  }
}

function fileType(kind: RootFileKind | RootFileStat['kind'], symlink: boolean): vscode.FileType {
  const base = kind === 'file' ? vscode.FileType.File : kind === 'directory' ? vscode.FileType.Directory : vscode.FileType.Unknown;
  return symlink ? base | vscode.FileType.SymbolicLink : base;
}
