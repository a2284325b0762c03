// Why a file of a process's root could not be read, in words, by kind: the VS Code adapter maps
// each kind to its FileSystemError (gone → Unavailable, notFound → FileNotFound, ...).

export type RootFileErrorKind = 'gone' | 'notFound' | 'notADirectory' | 'isADirectory' | 'noPermission' | 'tooLarge' | 'refused' | 'other';

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
    case 'EACCES':
    case 'EPERM':
      return new RootFileError('noPermission', `No permission to read ${path} in the root of process ${pid} (${detail}).`);
    case 'ELOOP':
    case 'EXDEV':
      // RESOLVE_NO_MAGICLINKS and RESOLVE_IN_ROOT refuse a link that would leave the root.
      return new RootFileError('refused', `${path} leads outside the root of process ${pid} (through a /proc magic link or too many links): refused.`);
    case 'EINVAL':
      return new RootFileError('other', `${path} is not a regular file (a device, FIFO or socket is not read).`);
    default:
      return new RootFileError('other', `Reading ${path} in the root of process ${pid} failed: ${detail}`);
  }
}
