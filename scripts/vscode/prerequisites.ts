// Debian packages the harness needs. A missing one fails the run with the exact package to
// install: tests must never skip silently because a tool is absent.
import { existsSync } from 'node:fs';

/** Debian's chromium; CHROMIUM_PATH points elsewhere on other systems. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

interface Prerequisite {
  debianPackage: string;
  /** What it is for, shown in the message. */
  purpose: string;
  /** Any one of these files proves it is installed. */
  evidence: string[];
}

export const CHROMIUM: Prerequisite = {
  debianPackage: 'chromium',
  purpose: 'the headless browser that drives the VS Code workbench',
  evidence: [CHROMIUM_PATH],
};

export const KERBEROS_HEADERS: Prerequisite = {
  debianPackage: 'libkrb5-dev',
  purpose: "headers to build VS Code's native kerberos module",
  evidence: ['/usr/include/krb5.h', '/usr/include/krb5/krb5.h'],
};

/** Throws one message naming every missing package and the command that installs them. */
export function requireDebianPackages(...wanted: Prerequisite[]): void {
  const missing = wanted.filter((p) => !p.evidence.some((file) => existsSync(file)));
  if (missing.length === 0) return;
  const lines = missing.map((p) => `  - ${p.debianPackage}: ${p.purpose}`);
  const packages = missing.map((p) => p.debianPackage).join(' ');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  throw new Error(
    `Missing Debian packages:\n${lines.join('\n')}\nInstall them with:\n  ${sudo}apt-get install -y ${packages}`,
  );
}
