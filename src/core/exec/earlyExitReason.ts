// Why a terminal's program ended at once, in words: VS Code alone shows only a generic toast.
import { basename } from 'node:path';
import { shellJoin } from './shellQuote';

/** A terminal that ends sooner than this after it opened, and not with status 0, "ended at once". */
export const EARLY_EXIT_MS = 3000;

const MAX_COMMAND = 300;

export function earlyExitMessage(name: string, argv: readonly string[], code: number): string {
  let command = shellJoin(argv);
  if (command.length > MAX_COMMAND) command = `${command.slice(0, MAX_COMMAND)}…`;
  const program = basename(argv[0] ?? '');
  const inside = argv[argv.lastIndexOf('--') + 1] ?? argv[argv.length - 1];
  let why: string;
  if (code === 127) {
    why = `a program was not found: "${inside}" does not exist where it runs (inside a container's root, only the container's files exist). Pick another shell or open the host-tools shell, which uses the host's programs.`;
  } else if (code === 126) {
    why = `"${inside}" exists but could not be run (no permission, or not a program for this machine).`;
  } else if (code === 125 && program === 'nsinspect-enter') {
    why = "joining the namespaces or taking on the process' privileges failed: the process may have exited, or a permission was refused. The Namespace Inspector log has the details.";
  } else if (program === 'nsenter' || program === 'sudo' || program === 'unshare') {
    why = `${program} failed: the process may have exited, or a permission was refused (try again as root or through sudo). The Namespace Inspector log has the details.`;
  } else {
    why = 'the program exited at once.';
  }
  return `The terminal "${name}" ended at once with exit status ${code}: ${why} Command: ${command}`;
}
