import * as vscode from 'vscode';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../../core/exec/findExecutable';
import { checkHelperTrust } from '../../../core/helper/helperTrust';
import { installArgv, installPlan, installPreview, type InstallExtra, type InstallFile } from '../../../core/helper/installPlan';
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
  // The user's copies; root copies each to a place only root can change before it is checked
  // or used (installArgv), so a change to these after this point changes nothing installed.
  const staging = mkdtempSync(join(tmpdir(), 'nsinspect-install-'));
  const tools = { sh: '/bin/sh', install: findExecutable('install') ?? '/usr/bin/install', visudo: findExecutable('visudo') };
  try {
    for (const [i, file] of files.entries()) {
      const staged = join(staging, String(i));
      writeFileSync(staged, file.content, { mode: 0o600 });
      await ctx.helper.runElevatedForInstall(installArgv(file, staged, tools));
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
