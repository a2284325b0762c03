// What "Install Privileged Helper" writes, as data: shown to the user in full before anything is
// written, then carried out file by file with `install` (argv) through the elevation.

import { HELPER_POLICY_PATH } from './policyRefusal';

export const SUDOERS_PATH = '/etc/sudoers.d/nsinspect-helper';
export const POLKIT_POLICY_PATH = '/usr/share/polkit-1/actions/io.github.nsinspector.helper.policy';

export type InstallExtra = 'sudoers' | 'polkit';

export interface InstallFile {
  path: string;
  /** Octal mode, owner root:root. */
  mode: string;
  /** What it will hold. */
  content: string;
  why: string;
  /** A sudoers file: checked with `visudo -c` before it is put in place. */
  visudo?: true;
}

export interface InstallPlan {
  files: InstallFile[];
}

export interface InstallRequest {
  installPath: string;
  helperContent: string;
  /** The user a sudoers rule is for. */
  user: string;
  extras: InstallExtra[];
}

/** A sudoers user name that is safe to write into a rule. */
const SUDOERS_USER = /^[a-z_][a-z0-9_-]{0,31}$/;

/**
 * An install path that means one file in a sudoers rule and a polkit annotation: only
 * [A-Za-z0-9_./-] (sudoers reads '#' as a comment, '*', '?' and '[...]' as globs, and spaces,
 * ',', ':', '=', '\\' as syntax), absolute, without '.' or '..' components or '//'.
 */
const INSTALL_PATH = /^(\/[A-Za-z0-9_.-]+)+$/;

export function installPlan(request: InstallRequest): InstallPlan {
  if (!INSTALL_PATH.test(request.installPath) || /\/\.\.?(\/|$)/.test(request.installPath)) {
    throw new Error(`the install path must be absolute and use only A-Z a-z 0-9 _ . - / (no ".." or "." parts): ${JSON.stringify(request.installPath)}`);
  }
  const files: InstallFile[] = [
    { path: request.installPath, mode: '0755', content: request.helperContent, why: 'the helper itself: every privileged step runs this one script' },
  ];
  if (request.extras.includes('sudoers')) {
    if (!SUDOERS_USER.test(request.user)) throw new Error(`cannot write a sudoers rule for the user name ${JSON.stringify(request.user)}`);
    files.push({
      path: SUDOERS_PATH,
      mode: '0440',
      content: `# Written by Namespace Inspector: ${request.user} may run its helper (and nothing else) as root without a password.\n${request.user} ALL=(root) NOPASSWD: ${request.installPath}\n`,
      why: 'lets sudo -n run the helper without asking for a password',
      visudo: true,
    });
  }
  if (request.extras.includes('polkit')) {
    files.push({
      path: POLKIT_POLICY_PATH,
      mode: '0644',
      content: polkitPolicy(request.installPath),
      why: 'lets pkexec run the helper after one password prompt, remembered for a few minutes',
    });
  }
  if (request.extras.length) {
    files.push({ path: HELPER_POLICY_PATH, mode: '0644', content: HELPER_POLICY, why: 'what the helper lets a user other than root do (the strict defaults, written out so an admin can change them)' });
  }
  return { files };
}

/** The policy file as installed: the helper's defaults, each setting explained (see the helper's header). */
export const HELPER_POLICY = `# Namespace Inspector helper policy: what a caller other than root may do through
# nsinspect-helper (root may do everything). Read only while this file and its folder are
# owned by root and not writable by group or others; one invalid line and the whole file is
# ignored (the defaults below then hold). Reading (snapshot, net-read) is not limited.
#
# Change or capture in network namespaces the caller does not own (owner: the owner of the
# namespace's user namespace, or who made it with netns-add).
others_namespaces=no
# Change host interfaces: veth-add with a host end, link-set on the host.
host_changes=no
# With host_changes=yes: the prefixes (CIDR, space-separated) every address put on a host
# interface must lie in; empty allows none.
host_prefixes=
# Capture on host interfaces.
host_capture=no
# Named network namespaces one caller may have made with netns-add (0 to 999).
netns_quota=8
`;

/**
 * The argv that writes one staged file (a user's temporary copy) to its place, run as root. A
 * sudoers file is copied to a name sudo skips (it ignores names with a '.') inside root's own
 * /etc/sudoers.d, checked there with visudo, and only then renamed into place: the copy the
 * check passed is the one installed, as no one but root can change it in between.
 */
export function installArgv(file: InstallFile, staged: string, tools: { sh: string; install: string; visudo?: string }): string[] {
  const install = [tools.install, '-D', '-o', 'root', '-g', 'root', '-m', file.mode];
  if (!file.visudo) return [...install, staged, file.path];
  if (!tools.visudo) throw new Error('visudo is missing, so the sudoers rule cannot be checked: install sudo first');
  return [
    tools.sh,
    '-euc',
    'PATH=/usr/sbin:/usr/bin:/sbin:/bin; install_=$1 visudo=$2 staged=$3 target=$4 mode=$5; "$install_" -D -o root -g root -m "$mode" "$staged" "$target.new"; if "$visudo" -c -q -f "$target.new"; then mv -f "$target.new" "$target"; else rm -f "$target.new"; exit 1; fi',
    'nsinspect-install',
    tools.install,
    tools.visudo,
    staged,
    file.path,
    file.mode,
  ];
}

function polkitPolicy(installPath: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE policyconfig PUBLIC "-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/PolicyKit/1/policyconfig.dtd">
<policyconfig>
  <action id="io.github.nsinspector.helper">
    <description>Run the Namespace Inspector helper</description>
    <message>Namespace Inspector needs root to read all namespaces or change network namespaces</message>
    <defaults>
      <allow_any>auth_admin</allow_any>
      <allow_inactive>auth_admin</allow_inactive>
      <allow_active>auth_admin_keep</allow_active>
    </defaults>
    <annotate key="org.freedesktop.policykit.exec.path">${installPath}</annotate>
  </action>
</policyconfig>
`;
}

/** The preview document: every file, its mode and owner, and its full content. */
export function installPreview(plan: InstallPlan): string {
  const lines = [
    'Namespace Inspector: Install Privileged Helper',
    '',
    'These files will be written as root (owner root:root). Nothing else changes.',
    '',
  ];
  for (const file of plan.files) {
    lines.push(`=== ${file.path}  (mode ${file.mode}, owner root:root)`, `    ${file.why}`, '', file.content.trimEnd(), '');
  }
  return lines.join('\n');
}
