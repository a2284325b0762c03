// "Run in Namespace…" on a file in the Explorer or an editor: runs it (itself when executable,
// else through its interpreter) in a terminal inside a process' namespaces, a named network
// namespace, or a new isolated session.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { HOST_TOOLS_TYPES } from '../../../core/exec/nsenterArgv';
import { runFileArgv } from '../../../core/exec/runFileArgv';
import { openArgvTerminal } from '../../terminals/argvTerminal';
import { isolatedTerminalSpec, resolveUnshare } from '../../terminals/isolatedTerminalSpec';
import type { CommandContext, CommandFactory } from '../commandContext';
import { askHostname, pickIsolationTypes } from '../isolate/pickIsolation';
import { openJoinTerminal } from '../namespace/openJoinTerminal';
import { resolveJoin } from '../namespace/nsenterTarget';
import { readFileFacts } from './fileFacts';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';

const NETNS_DIR = '/run/netns';

/** Where to run, when a test or keybinding says so instead of answering the pickers. */
export type RunTarget =
  | { kind: 'namespace'; id?: string }
  | { kind: 'netns'; name: string }
  | { kind: 'new'; types: string[]; hostname?: string };

export const runInNamespace: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  // A file of an untrusted workspace is not run (the menus hide the command there too).
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Run in Namespace is off in Restricted Mode: it runs a file of this workspace. Trust the workspace (Manage Workspace Trust) to use it.');
    return undefined;
  }
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Run in Namespace works on a file on this machine: right-click one in the Explorer or open it in an editor.');
    return undefined;
  }
  const given = typeof options === 'object' && options !== null && 'target' in options ? (options as { target: RunTarget }).target : undefined;
  let facts;
  try {
    facts = readFileFacts(uri.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${uri.fsPath}: ${(error as Error).message}`);
    return undefined;
  }
  const file = runFileArgv(facts);
  if (!file.ok) {
    void vscode.window.showErrorMessage(file.message);
    return undefined;
  }
  const target = given ?? (await pickRunTarget());
  if (!target) return undefined;
  // The terminal stays open after the file ran, so its output can be read.
  return runIn(ctx, target, file.argv, dirname(uri.fsPath));
};

async function runIn(ctx: CommandContext, target: RunTarget, command: string[], cwd: string) {
  switch (target.kind) {
    case 'new': {
      const choice = { types: target.types, hostname: target.hostname || undefined, command };
      const result = await resolveUnshare(ctx.identity, choice);
      const terminal = result && openArgvTerminal(ctx.log, { ...isolatedTerminalSpec(choice, result, cwd), icon: 'run', holdOpen: true });
      return terminal && { terminal, argv: result.argv };
    }
    case 'netns': {
      const join = { target: { kind: 'file' as const, path: `${NETNS_DIR}/${target.name}`, type: 'net' as const }, types: undefined, preserveCredentials: false, sudo: false, dropPrivileges: false, title: `netns ${target.name}` };
      return openJoinTerminal(ctx, join, command, 'Run', cwd, true);
    }
    case 'namespace': {
      // The host's mount namespace stays, so the file (a host path) is there to run.
      const join = await resolveJoin(ctx, target.id, { types: [...HOST_TOOLS_TYPES, 'user', 'cgroup', 'time'] }, 'Run in Namespace');
      return join && openJoinTerminal(ctx, join, command, 'Run', cwd, true);
    }
  }
}

async function pickRunTarget(): Promise<RunTarget | undefined> {
  const netns = listNetns();
  const picks: Array<vscode.QuickPickItem & { kind2: RunTarget['kind'] }> = [
    { label: '$(shield) New isolated session…', detail: 'new namespaces made for this run (unshare)', kind2: 'new' },
    { label: "$(server-process) A namespace's processes…", detail: "its network, PID, UTS, IPC, user, cgroup and time namespaces, with the host's files", kind2: 'namespace' },
    { label: '$(globe) A named network namespace…', detail: netns.length ? hostTextForUi(netns.join(', '), LINE_MAX) : `none in ${NETNS_DIR}`, kind2: 'netns' },
  ];
  const pick = await vscode.window.showQuickPick(picks, { title: 'Run in Namespace' });
  if (!pick) return undefined;
  if (pick.kind2 === 'namespace') return { kind: 'namespace' };
  if (pick.kind2 === 'netns') {
    const items = netns.map((name) => ({ label: hostTextForUi(name), name }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Network namespace', placeHolder: netns.length ? undefined : `No named network namespace in ${NETNS_DIR}` });
    return picked ? { kind: 'netns', name: picked.name } : undefined;
  }
  const types = await pickIsolationTypes('Run in a New Isolated Session');
  if (!types) return undefined;
  const hostname = types.includes('uts') ? await askHostname() : '';
  return hostname === undefined ? undefined : { kind: 'new', types, hostname };
}

function listNetns(): string[] {
  try {
    return readdirSync(NETNS_DIR).sort();
  } catch {
    return [];
  }
}
