// The walkthrough's buttons: run one classic namespace experiment with the product itself (an
// isolated terminal, one line typed into it that shows the result) and show where the view or a
// picture draws it. Returns what it made, so tests (and the walkthrough's completion) can check it.
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXPERIMENTS, VETH_EXPERIMENT, type ExperimentId } from '../../../core/walkthrough/experiments';
import type { NamespaceId } from '../../../core/model/namespaceId';
import type { IsolatedSession } from '../../terminals/isolatedSessions';
import { COMMAND_IDS } from '../commandIds';
import type { CommandFactory } from '../commandContext';
import type { NewIsolatedTerminalArgs } from '../isolate/newIsolatedTerminal';

export interface ExperimentRun {
  session: IsolatedSession;
  /** The namespace the experiment made of the type it is about. */
  namespace: NamespaceId;
}

/** The namespace of `type` the session's shell is in ("pid": the one its children are in). */
function sessionNamespace(session: IsolatedSession, type: string): NamespaceId {
  const link = type === 'pid' ? 'pid_for_children' : type;
  const stat = statSync(`/proc/${session.pid}/ns/${link}`);
  return { dev: stat.dev, ino: stat.ino };
}

export const tryExperiment =
  (id: ExperimentId): CommandFactory =>
  (ctx) =>
  async (): Promise<ExperimentRun | undefined> => {
    const experiment = EXPERIMENTS[id];
    const args: NewIsolatedTerminalArgs = {
      types: experiment.types,
      hostname: experiment.hostname ?? '',
      // Without root, the other experiments need a user namespace too: root inside, yourself outside.
      mapUser: experiment.mapRootUser || !ctx.identity.isRoot ? 'root' : undefined,
    };
    const session = await vscode.commands.executeCommand<IsolatedSession | undefined>(COMMAND_IDS.newIsolatedTerminal, args);
    if (!session) return undefined;
    const namespace = sessionNamespace(session, experiment.reveal);
    if (id === 'veth') {
      const connected = await vscode.commands.executeCommand<{ ok: boolean; message: string } | undefined>(COMMAND_IDS.connectVeth, {
        a: 'host',
        b: `${namespace.dev}:${namespace.ino}`,
        ifA: VETH_EXPERIMENT.hostIf,
        ifB: VETH_EXPERIMENT.innerIf,
        cidrA: VETH_EXPERIMENT.hostCidr,
        cidrB: VETH_EXPERIMENT.innerCidr,
      });
      // The connect command has said why it failed; the terminal stays, so the namespace still shows.
      if (!connected?.ok) return { session, namespace };
    }
    session.terminal.sendText(experiment.showLine);
    session.terminal.show(true);
    await ctx.view.refresh();
    // The view first: a reveal in a view that is not showing (a webview in front, the side bar
    // on another container) opens it without selecting.
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
    await ctx.view.revealNamespaces([namespace]);
    if (experiment.picture === 'idMaps') ctx.idMaps.show(namespace);
    if (experiment.picture === 'topology') await vscode.commands.executeCommand(COMMAND_IDS.showTopology);
    return { session, namespace };
  };
