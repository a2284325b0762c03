// Why a file of a process's root could not be read or written, in words, by kind: the VS Code adapter maps
// each kind to its FileSystemError (gone → Unavailable, notFound → FileNotFound, ...).

export type RootFileErrorKind = 'gone' | 'notFound' | 'notADirectory' | 'isADirectory' | 'exists' | 'noPermission' | 'tooLarge' | 'refused' | 'other';

export class RootFileError extends Error {
  constructor(
    readonly kind: RootFileErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'RootFileError';
  }
}

/** The error the addon threw (its code is the errno name), for `path` of PID `pid`. */
export function rootFileError(error: unknown, pid: number, path: string): RootFileError {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ESRCH':
      return new RootFileError('gone', `Process ${pid} has ended (or its PID now belongs to another process): its files are no longer available. Open the container's filesystem again from its new process.`);
    case 'ENOENT':
      return new RootFileError('notFound', `${path} does not exist in the root of process ${pid}.`);
    case 'ENOTDIR':
      return new RootFileError('notADirectory', `${path} is not a directory in the root of process ${pid}.`);
    case 'EISDIR':
      return new RootFileError('isADirectory', `${path} is a directory.`);
    case 'EEXIST':
      return new RootFileError('exists', `${path} already exists in the root of process ${pid} (or is a symbolic link, which is not followed to make a new file).`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new RootFileError('noPermission', `No permission for ${path} in the root of process ${pid} (${detail}).`);
    case 'ELOOP':
    case 'EXDEV':
      // RESOLVE_NO_MAGICLINKS and RESOLVE_IN_ROOT refuse a link that would leave the root.
      return new RootFileError('refused', `${path} leads outside the root of process ${pid} (through a /proc magic link or too many links): refused.`);
    case 'EINVAL':
      return new RootFileError('other', `${path} is not a regular file or not a file name (a device, FIFO or socket is neither read nor written).`);
    default:
      return new RootFileError('other', `${path} in the root of process ${pid}: ${detail}`);
  }
}
