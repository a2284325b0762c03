// Why a file of a process's root could not be read or written, in words, by kind: the VS Code adapter maps
// each kind to its FileSystemError (gone → Unavailable, notFound → FileNotFound, ...).

export type RootFileErrorKind = 'gone' | 'notFound' | 'notADirectory' | 'isADirectory' | 'exists' | 'notEmpty' | 'noPermission' | 'tooLarge' | 'refused' | 'other';

export class RootFileError extends Error {
  constructor(
    readonly kind: RootFileErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'RootFileError';
  }
}

/** A change other than writing a file: its EINVAL and EXDEV mean something of their own. */
export type RootFileChange = 'mkdir' | 'delete' | 'rename';

/**
 * The error the addon threw (its code is the errno name), for `path` of PID `pid`; `change` when
 * it made a folder, deleted or renamed: EINVAL is then a last part that is no name (or a folder
 * moved into itself), and EXDEV another mount (a volume, /proc), not an escape.
 */
export function rootFileError(error: unknown, pid: number, path: string, change?: RootFileChange): RootFileError {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (change && code === 'EINVAL') {
    return new RootFileError('other', `${path}: the last part of a path must be a name (not empty, "." or "..")${change === 'rename' ? ', and a folder cannot move into itself' : ''}.`);
  }
  if (change && code === 'EXDEV') {
    return new RootFileError('other', `${path} in the root of process ${pid}: ${change === 'delete' ? 'it or a folder inside is another mount (a volume or a special file system), which a delete does not enter' : 'a rename cannot move between two mounts (a volume or a special file system)'}.`);
  }
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
      return new RootFileError('exists', `${path} already exists in the root of process ${pid} (or is a symbolic link, which is not followed to make something new in its place).`);
    case 'ENOTEMPTY':
      return new RootFileError('notEmpty', `${path} is a folder that is not empty (delete it with its contents, recursively).`);
    case 'EBUSY':
      return new RootFileError('other', `${path} in the root of process ${pid} is in use (a mount point?): ${detail}`);
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
