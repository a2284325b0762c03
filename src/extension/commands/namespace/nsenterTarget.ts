// Where "Open Shell in Namespaces…" and "Run Command in Namespace…" go: the clicked item (or a
// palette pick), checked to still exist, as a live process with its namespaces now or the file
// that holds a namespace; then which of its namespaces to join.
import * as vscode from 'vscode';
import { HOST_TOOLS_TYPES, type NsenterTarget } from '../../../core/exec/nsenterArgv';
import { processNamespaces } from '../../../core/exec/processNamespaces';
import { joinPrivilegeProblem, needsPreservedCredentials, type JoinFacts, type JoinProblem } from '../../../core/exec/joinPrivilege';
import { processIdMaps, processOwnerUid, readPtraceScope } from '../../../core/exec/joinFacts';
import { idKey } from '../../../core/model/namespaceId';
import type { Namespace } from '../../../core/model/namespace';
import { isNsType, NS_TYPES, type NsType } from '../../../core/model/nsType';
import { ISOLATES } from '../../../core/isolate/isolationTypes';
import { typeCodicon } from '../../views/namespaces/typeIcons';
import type { CommandContext } from '../commandContext';
import { ensureStillExists } from './ensureStillExists';
import { resolveTarget } from './resolveTarget';

/** What a test or keybinding may pass instead of answering the pickers. */
export interface JoinOptions {
  types?: string[];
  hostTools?: boolean;
  preserveCredentials?: boolean;
  sudo?: boolean;
}

export interface ResolvedJoin {
  target: NsenterTarget;
  types: NsType[] | undefined;
  preserveCredentials: boolean;
  sudo: boolean;
  /** Short text for the terminal name. */
  title: string;
}

/** Options in a command's second argument; menus pass the selected items (an array) there instead. */
export function joinOptions(arg: unknown): JoinOptions | undefined {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? (arg as JoinOptions) : undefined;
}

export async function resolveJoin(ctx: CommandContext, arg: unknown, options: JoinOptions | undefined, action: string): Promise<ResolvedJoin | undefined> {
  const picked = await resolveTarget(ctx, arg, action);
  const entry = picked && ensureStillExists(picked);
  if (!picked || !entry) return undefined;
  let target: NsenterTarget;
  let targetUid: number | undefined;
  if (entry.kind === 'file') {
    target = { kind: 'file', path: entry.path, type: picked.ns.type };
  } else {
    const live = processNamespaces(entry.pid);
    const known = ctx.view.result?.processes.get(entry.pid);
    target = { kind: 'process', pid: entry.pid, namespaces: Object.keys(live).length ? live : (known?.namespaces ?? {}) };
    targetUid = known?.uid;
  }
  const types = target.kind === 'file' ? undefined : await chooseTypes(target, options);
  if (target.kind === 'process' && types === null) return undefined;
  const joinsUser = target.kind === 'process' ? (types ?? NS_TYPES).includes('user') : target.type === 'user';
  const problem = joinPrivilegeProblem({
    callerUid: ctx.identity.uid,
    targetUid: target.kind === 'process' ? (processOwnerUid(target.pid) ?? targetUid) : undefined,
    joinsUser,
    owner: ownerOf(ctx, target, picked.ns),
    ptraceScope: readPtraceScope(),
  });
  const sudo = options?.sudo ?? (await askSudo(ctx, problem));
  if (sudo === undefined) return undefined;
  // nsenter makes the shell root in a joined user namespace, which fails where root is not mapped.
  const preserveCredentials =
    options?.preserveCredentials ??
    (target.kind === 'process' && joinsUser && needsPreservedCredentialsOf(target.pid));
  const title = target.kind === 'file' ? target.path : `PID ${target.pid}${options?.hostTools || sameTypes(types, HOST_TOOLS_TYPES) ? ' host tools' : ''}`;
  return { target, types: types ?? undefined, preserveCredentials, sudo, title };
}

interface JoinPick extends vscode.QuickPickItem {
  types: NsType[] | 'choose';
}

/** The types to join: from the options, else asked (all, host tools, or a chosen subset); null when cancelled. */
async function chooseTypes(target: NsenterTarget & { kind: 'process' }, options: JoinOptions | undefined): Promise<NsType[] | null> {
  if (options?.hostTools) return [...HOST_TOOLS_TYPES];
  if (options?.types) return options.types.filter(isNsType);
  if (options) return [...NS_TYPES];
  const own = processNamespaces('self');
  const differing = NS_TYPES.filter((t) => target.namespaces[t] !== undefined && target.namespaces[t] !== own[t]);
  const picks: JoinPick[] = [
    { label: '$(check-all) All its namespaces', detail: differing.join(', ') || 'it shares every namespace with VS Code', types: [...NS_TYPES] },
    { label: '$(tools) Host tools', detail: "network, PID, UTS and IPC, keeping the host's files: ip, ss, strace, tcpdump from the host", types: [...HOST_TOOLS_TYPES] },
    { label: '$(list-selection) Choose namespaces…', types: 'choose' },
  ];
  const pick = await vscode.window.showQuickPick(picks, { title: `Namespaces of PID ${target.pid} to join` });
  if (!pick) return null;
  if (pick.types !== 'choose') return pick.types;
  const each = await vscode.window.showQuickPick(
    NS_TYPES.filter((t) => target.namespaces[t] !== undefined).map((t) => ({
      label: `$(${typeCodicon(t)}) ${t}`,
      description: `${target.namespaces[t]}${differing.includes(t) ? '' : ' · same as VS Code'}`,
      detail: ISOLATES[t],
      picked: differing.includes(t),
      type: t,
    })),
    { title: `Namespaces of PID ${target.pid} to join`, canPickMany: true },
  );
  return each ? each.map((p) => p.type) : null;
}

/** false: go ahead without sudo; true: through sudo; undefined: cancelled. */
async function askSudo(ctx: CommandContext, problem: JoinProblem | undefined): Promise<boolean | undefined> {
  if (!problem) return false;
  ctx.log.info(`joining needs privileges: ${problem.message}`);
  const pick = await ctx.identity.ask(`You are not root (UID ${ctx.identity.uid}): joining needs privileges`, problem.message, [
    { id: 'sudo', label: '$(key) Use sudo in the terminal', detail: 'sudo nsenter …: the password prompt appears in the terminal' },
    { id: 'try', label: '$(debug-start) Try without', detail: 'nsenter as you: it fails for the reasons above unless something changed' },
  ], [...problem.reasons, ...problem.notes]);
  return pick === undefined ? undefined : pick === 'sudo';
}

/** The user namespace owning what is joined: the caller's own, or another one and its owner. */
function ownerOf(ctx: CommandContext, target: NsenterTarget, ns: Namespace): JoinFacts['owner'] {
  const own = processNamespaces('self').user;
  const result = ctx.view.result;
  const userIno = target.kind === 'process' ? target.namespaces.user : ns.owner?.ino;
  if (userIno === undefined || own === undefined) return undefined;
  if (userIno === own) return { callers: true };
  const userNs = result?.namespaces.get(idKey({ dev: result.nsfsDev, ino: userIno }));
  return { callers: false, ownerUid: userNs?.user?.ownerUid ?? undefined };
}

function needsPreservedCredentialsOf(pid: number): boolean {
  const { uidMap, gidMap, setgroups } = processIdMaps(pid);
  return uidMap.length > 0 && needsPreservedCredentials(uidMap, gidMap, setgroups);
}

function sameTypes(a: readonly NsType[] | null | undefined, b: readonly NsType[]): boolean {
  return !!a && a.length === b.length && a.every((t) => b.includes(t));
}
