import * as vscode from 'vscode';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../../core/exec/findExecutable';
import { spawnHelper } from '../../../core/helper/spawnHelper';
import { checkHelperTrust } from '../../../core/helper/helperTrust';
import { installPlan, installPreview, type InstallExtra, type InstallFile } from '../../../core/helper/installPlan';
import { readHelperSettings } from '../../helper/privilegedHelper';
import { showInstallPreview } from '../../helper/installPreview';
import type { CommandFactory } from '../commandContext';
import { showHelperError } from './showHelperError';

/** What a caller (a test) may pass instead of answering: the extras, and the answer to the confirmation. */
export interface InstallHelperArgs {
  extras?: InstallExtra[];
  /** Called with the preview text while the preview is open; true installs. */
  confirm?: (preview: string) => Promise<boolean>;
}

interface ExtraPick extends vscode.QuickPickItem {
  extra: InstallExtra;
}

/**
 * "Install Privileged Helper": copies the shipped helper to a root-owned place (the
 * nsInspector.helper.installPath setting), optionally with a sudoers rule or polkit policy for
 * that one file. Shows every file it will write before writing. Returns the paths written.
 */
export const installHelper: CommandFactory = (ctx) => async (arg?: unknown) => {
  const args = (typeof arg === 'object' && arg !== null ? arg : {}) as InstallHelperArgs;
  const extras = args.extras ?? (await pickExtras());
  if (!extras) return undefined;
  const { installPath } = readHelperSettings();
  let files: InstallFile[];
  try {
    files = installPlan({ installPath, helperContent: readFileSync(ctx.helper.shippedPath, 'utf8'), user: userInfo().username, extras }).files;
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot install the helper: ${(error as Error).message}`);
    return undefined;
  }
  const preview = installPreview({ files });
  await showInstallPreview(preview);
  const confirmed = args.confirm
    ? await args.confirm(preview)
    : (await vscode.window.showWarningMessage(`Write ${files.length} file${files.length === 1 ? '' : 's'} as root, as shown in the preview?`, { modal: true }, 'Install')) === 'Install';
  if (!confirmed) return undefined;
  const staging = mkdtempSync(join(tmpdir(), 'nsinspect-install-'));
  try {
    for (const [i, file] of files.entries()) {
      const staged = join(staging, String(i));
      writeFileSync(staged, file.content, { mode: 0o600 });
      if (file.path.startsWith('/etc/sudoers.d/')) await checkSudoers(staged);
      await ctx.helper.runElevatedForInstall([findExecutable('install') ?? '/usr/bin/install', '-D', '-o', 'root', '-g', 'root', '-m', file.mode, staged, file.path]);
    }
  } catch (error) {
    await showHelperError('Installing the privileged helper failed', error);
    return undefined;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const trust = checkHelperTrust(installPath, ctx.helper.shippedSha256);
  if (!trust.ok) {
    void vscode.window.showErrorMessage(`The helper was written but does not pass the checks: ${trust.message}`);
    return undefined;
  }
  ctx.log.info(`helper installed at ${installPath} (sha256 ${trust.sha256})${extras.length ? ` with ${extras.join(', ')}` : ''}`);
  void vscode.window.showInformationMessage(`The privileged helper is installed at ${installPath}.`);
  return files.map((file) => file.path);
};

async function pickExtras(): Promise<InstallExtra[] | undefined> {
  const user = userInfo().username;
  const picks: ExtraPick[] = [
    { extra: 'sudoers', label: `sudoers rule: ${user} may run the helper without a password`, detail: 'Writes /etc/sudoers.d/nsinspect-helper (checked with visudo first)' },
    { extra: 'polkit', label: 'polkit policy: one password prompt, remembered for a few minutes', detail: 'Writes a policy for pkexec naming only the helper' },
  ];
  const chosen = await vscode.window.showQuickPick(picks, { title: 'Install Privileged Helper', canPickMany: true, placeHolder: 'The helper is always installed; pick extras, or none' });
  return chosen?.map((pick) => pick.extra);
}

async function checkSudoers(file: string): Promise<void> {
  const visudo = findExecutable('visudo');
  if (!visudo) throw new Error('visudo is missing, so the sudoers rule cannot be checked: install sudo first');
  const result = await spawnHelper([visudo, '-c', '-q', '-f', file]);
  if (result.exitCode !== 0) throw new Error(`the sudoers rule does not pass visudo: ${result.stderr.trim()}`);
}
