// What "Install Privileged Helper" writes, as data: shown to the user in full before anything is
// written, then carried out file by file with `install` (argv) through the elevation.

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

export function installPlan(request: InstallRequest): InstallPlan {
  if (!request.installPath.startsWith('/') || /[\s\\,:=]|\/\.\.?(\/|$)/.test(request.installPath)) {
    throw new Error(`the install path must be absolute, without spaces, "..", or , : = \\ characters: ${JSON.stringify(request.installPath)}`);
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
  return { files };
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
