// The nsfs-root:// file system: a process's root, read-only, through ProcessRootFiles (the kernel
// resolves every path inside that root). Errors become FileSystemErrors with their words: a
// container that is gone is Unavailable.
import * as vscode from 'vscode';
import { nativeAddon } from '../../core/discovery/nativeAddon';
import { DEFAULT_READ_LIMITS, ProcessRootFiles, type RootFileKind, type RootFileStat } from '../../core/containerFiles/processRootFiles';
import { RootFileError } from '../../core/containerFiles/rootFileError';
import { parseRootAuthority, ROOT_SCHEME } from '../../core/containerFiles/rootUri';

export class RootFileSystemProvider implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  static register(log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(ROOT_SCHEME, new RootFileSystemProvider(log), { isCaseSensitive: true, isReadonly: true });
  }

  // Read-only: nothing to watch for (the view reads again when asked).
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const stat = this.files(uri, (files) => files.stat(uri.path));
    return { type: fileType(stat.kind, stat.symlink), size: stat.size, mtime: Math.round(stat.mtimeMs), ctime: Math.round(stat.ctimeMs), permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return this.files(uri, (files) => files.readDirectory(uri.path).map(([name, kind, symlink]) => [name, fileType(kind, symlink)]));
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const maxMb = vscode.workspace.getConfiguration('nsInspector').get<number>('containerFiles.maxFileSizeMB', 64);
    return this.files(uri, (files) => files.readFile(uri.path, { ...DEFAULT_READ_LIMITS, maxBytes: Math.max(1, maxMb) * 1024 * 1024 }));
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
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
