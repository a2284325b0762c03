// How a helper call gets root. Pure: the facts come in, a plan goes out, so every branch is
// unit-tested without pkexec or sudo on the machine.

export const ELEVATION_MODES = ['auto', 'pkexec', 'sudo', 'none'] as const;
export type ElevationMode = (typeof ELEVATION_MODES)[number];

export interface ElevationFacts {
  mode: ElevationMode;
  uid: number;
  /** Absolute paths, or undefined when not installed. */
  pkexec: string | undefined;
  sudo: string | undefined;
  /** A graphical session where a polkit agent can ask for the password (DISPLAY/WAYLAND_DISPLAY). */
  graphicalSession: boolean;
  /** Whether `sudo -n HELPER version` succeeded: a sudoers rule lets us run it without a password. */
  sudoWithoutPassword: boolean;
}

export type ElevationPlan =
  /** Root already: run the helper itself. */
  | { kind: 'direct' }
  /** Prefix the helper's argv with this (pkexec, or sudo -n). */
  | { kind: 'prefix'; argv: readonly string[]; label: 'pkexec' | 'sudo -n' }
  /** sudo that asks for the password in an integrated terminal, then runs the helper. */
  | { kind: 'sudoTerminal'; sudo: string }
  /** No way: the message says what to do. */
  | { kind: 'refused'; message: string };

export function planElevation(facts: ElevationFacts): ElevationPlan {
  if (facts.uid === 0) return { kind: 'direct' };
  const pkexec = facts.pkexec ? ({ kind: 'prefix', argv: [facts.pkexec], label: 'pkexec' } as const) : undefined;
  const sudoQuiet = facts.sudo && facts.sudoWithoutPassword ? ({ kind: 'prefix', argv: [facts.sudo, '-n', '--'], label: 'sudo -n' } as const) : undefined;
  const sudoTerminal = facts.sudo ? ({ kind: 'sudoTerminal', sudo: facts.sudo } as const) : undefined;
  switch (facts.mode) {
    case 'none':
      return { kind: 'refused', message: 'Privileged steps are turned off (nsInspector.helper.elevation is "none"). Run VS Code as root or choose another elevation.' };
    case 'pkexec':
      return pkexec ?? { kind: 'refused', message: 'pkexec is not installed (Debian: apt-get install pkexec). Or set nsInspector.helper.elevation to "sudo" or "auto".' };
    case 'sudo':
      return sudoQuiet ?? sudoTerminal ?? { kind: 'refused', message: 'sudo is not installed. Install it, or set nsInspector.helper.elevation to "pkexec" or "auto".' };
    case 'auto':
      return (
        (facts.graphicalSession ? pkexec : undefined) ??
        sudoQuiet ??
        sudoTerminal ??
        pkexec ?? { kind: 'refused', message: 'Neither pkexec nor sudo is installed, so nothing can run with root privileges. Install one (apt-get install sudo), or run VS Code as root.' }
      );
  }
}
