// How to run a file the user right-clicked: itself when it is executable, else through the
// interpreter its "#!" line names, else through one chosen by its extension. Argv only.
import { extname } from 'node:path';

const INTERPRETER_BY_EXTENSION: Record<string, string> = {
  '.sh': 'sh',
  '.bash': 'bash',
  '.py': 'python3',
  '.js': 'node',
  '.mjs': 'node',
  '.cjs': 'node',
  '.pl': 'perl',
  '.rb': 'ruby',
};

export interface FileFacts {
  path: string;
  /** The caller may execute it (access X_OK). */
  executable: boolean;
  /** The first bytes of the file, enough for a "#!" line. */
  head: string;
}

export type RunFileResult = { ok: true; argv: string[] } | { ok: false; message: string };

export function runFileArgv(file: FileFacts): RunFileResult {
  if (file.executable) return { ok: true, argv: [file.path] };
  const shebang = shebangOf(file.head);
  if (shebang) return { ok: true, argv: [...shebang, file.path] };
  const interpreter = INTERPRETER_BY_EXTENSION[extname(file.path).toLowerCase()];
  if (interpreter) return { ok: true, argv: [interpreter, file.path] };
  return {
    ok: false,
    message: `Cannot tell how to run ${file.path}: it is not executable, has no "#!" line and its extension names no interpreter. Make it executable (chmod +x) or add a "#!" line.`,
  };
}

/** The interpreter and its one optional argument, as the kernel reads a "#!" line. */
export function shebangOf(head: string): string[] | undefined {
  if (!head.startsWith('#!')) return undefined;
  const line = head.slice(2).split('\n', 1)[0].trim();
  if (!line) return undefined;
  const space = line.search(/[ \t]/);
  if (space < 0) return [line];
  return [line.slice(0, space), line.slice(space).trim()];
}
