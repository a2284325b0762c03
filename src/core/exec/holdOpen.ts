// A terminal that runs one program closes when it exits, taking its output along. A fixed script
// keeps it open until Enter, saying how the program ended; the program comes as arguments.

// "$@" is the program and its arguments; $1 names it in the closing line.
const HOLD_OPEN_SCRIPT = '"$@"; status=$?; printf "\\n[%s exited with status %s. Press Enter to close.]\\n" "$1" "$status"; read -r _';

export function holdOpenArgv(command: readonly string[]): string[] {
  return ['sh', '-c', HOLD_OPEN_SCRIPT, 'sh', ...command];
}
