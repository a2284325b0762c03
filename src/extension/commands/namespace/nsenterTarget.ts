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
  /** Keep every host privilege instead of taking on the target process' (the picker's risky variant). */
  fullPrivileges?: boolean;
  preserveCredentials?: boolean;
  sudo?: boolean;
  /** The answer to "the image has no shell" (the button's label), instead of asking. */
  noShellAnswer?: string;
}

export interface ResolvedJoin {
  target: NsenterTarget;
  types: NsType[] | undefined;
  preserveCredentials: boolean;
  sudo: boolean;
  /**
   * Become no more than the target process (its IDs, capabilities, no_new_privs) before the
   * program runs: a root shell that joins a process' mount namespace runs that process' files.
   */
  dropPrivileges: boolean;
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
  const chosen = target.kind === 'file' ? undefined : await chooseTypes(target, options);
  if (target.kind === 'process' && chosen === null) return undefined;
  const types = chosen?.types;
  const joinsUser = target.kind === 'process' ? (types ?? NS_TYPES).includes('user') : target.type === 'user';
  const problem = joinPrivilegeProblem({
    callerUid: ctx.identity.uid,
    targetUid: target.kind === 'process' ? (processOwnerUid(target.pid) ?? targetUid) : undefined,
    joinsUser,
    owner: ownerOf(ctx, target, picked.ns),
    ptraceScope: readPtraceScope(),
  });
  const sudoRefused = ctx.identity.sudoRefusal(`Joining ${target.kind === 'file' ? target.path : `PID ${target.pid}`}`);
  if (options?.sudo && sudoRefused) {
    ctx.log.info(`not joining through sudo: ${sudoRefused}`);
    void vscode.window.showErrorMessage(sudoRefused);
    return undefined;
  }
  const sudo = options?.sudo ?? (await askSudo(ctx, problem, sudoRefused));
  if (sudo === undefined) return undefined;
  // nsenter makes the shell root in a joined user namespace, which fails where root is not mapped.
  const preserveCredentials =
    options?.preserveCredentials ??
    (target.kind === 'process' && joinsUser && needsPreservedCredentialsOf(target.pid));
  const fullPrivileges = chosen?.fullPrivileges ?? false;
  const joinsMount = target.kind === 'process' && (types ?? NS_TYPES).includes('mnt') && target.namespaces.mnt !== undefined && target.namespaces.mnt !== processNamespaces('self').mnt;
  // Only a shell that runs as root on the host has host privileges to lose.
  const dropPrivileges = joinsMount && !fullPrivileges && (ctx.identity.isRoot || sudo);
  const what = options?.hostTools || sameTypes(types, HOST_TOOLS_TYPES) ? ' host tools' : fullPrivileges ? ' full host privileges' : '';
  const title = target.kind === 'file' ? target.path : `PID ${target.pid}${what}`;
  return { target, types: types ?? undefined, preserveCredentials, sudo, dropPrivileges, title };
}

interface JoinPick extends vscode.QuickPickItem {
  types: NsType[] | 'choose';
  fullPrivileges?: boolean;
}

interface ChosenTypes {
  types: NsType[];
  fullPrivileges: boolean;
}

/** The picker's risky variant, named as such, and its one line on the risk. */
export const FULL_PRIVILEGES_LABEL = '$(warning) All its namespaces, full host privileges';
export const FULL_PRIVILEGES_RISK = 'Risk: a compromised container gets the host (all capabilities, no seccomp)';

/** The types to join: from the options, else asked (all, host tools, or a chosen subset); null when cancelled. */
async function chooseTypes(target: NsenterTarget & { kind: 'process' }, options: JoinOptions | undefined): Promise<ChosenTypes | null> {
  const fullPrivileges = options?.fullPrivileges ?? false;
  if (options?.hostTools) return { types: [...HOST_TOOLS_TYPES], fullPrivileges };
  if (options?.types) return { types: options.types.filter(isNsType), fullPrivileges };
  if (options) return { types: [...NS_TYPES], fullPrivileges };
  const own = processNamespaces('self');
  const differing = NS_TYPES.filter((t) => target.namespaces[t] !== undefined && target.namespaces[t] !== own[t]);
  const picks: JoinPick[] = [
    {
      label: '$(check-all) All its namespaces',
      description: "with the process' UID, capabilities and no_new_privs",
      detail: differing.join(', ') || 'it shares every namespace with VS Code',
      types: [...NS_TYPES],
    },
    { label: FULL_PRIVILEGES_LABEL, description: 'root on the host', detail: FULL_PRIVILEGES_RISK, types: [...NS_TYPES], fullPrivileges: true },
    {
      label: '$(tools) Host tools',
      detail: "network, PID, UTS and IPC with the host's files and a /proc of its PID namespace: ip, ss, ps, strace, tcpdump from the host",
      types: [...HOST_TOOLS_TYPES],
    },
    { label: '$(list-selection) Choose namespaces…', types: 'choose' },
  ];
  const pick = await vscode.window.showQuickPick(picks, { title: `Namespaces of PID ${target.pid} to join` });
  if (!pick) return null;
  if (pick.types !== 'choose') return { types: pick.types, fullPrivileges: pick.fullPrivileges ?? false };
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
  return each ? { types: each.map((p) => p.type), fullPrivileges: false } : null;
}

/**
 * false: go ahead without sudo; true: through sudo; undefined: cancelled. sudo is not offered
 * when privileged steps are turned off (`sudoRefused` says why, among the reasons).
 */
async function askSudo(ctx: CommandContext, problem: JoinProblem | undefined, sudoRefused: string | undefined): Promise<boolean | undefined> {
  if (!problem) return false;
  ctx.log.info(`joining needs privileges: ${problem.message}`);
  const pick = await ctx.identity.ask(`You are not root (UID ${ctx.identity.uid}): joining needs privileges`, problem.message, [
    ...(sudoRefused ? [] : [{ id: 'sudo' as const, label: '$(key) Use sudo in the terminal', detail: 'sudo nsenter …: the password prompt appears in the terminal' }]),
    { id: 'try' as const, label: '$(debug-start) Try without', detail: 'nsenter as you: it fails for the reasons above unless something changed' },
  ], [...problem.reasons, ...problem.notes, ...(sudoRefused ? [{ headline: 'sudo is turned off', text: sudoRefused }] : [])]);
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
