import type * as vscode from 'vscode';
import type { NamespacesView } from '../views/namespacesView';
import type { IsolatedSessions } from '../terminals/isolatedSessions';
import type { CallerIdentity } from '../callerIdentity';
import type { IdMapsPanels } from '../views/idMaps/idMapsPanels';
import type { PrivilegedHelper } from '../helper/privilegedHelper';
import type { TopologyFeature } from '../views/topology/topologyFeature';
import type { InspectPanels } from '../views/inspect/inspectPanels';
import type { WritableFolders } from '../../core/containerFiles/writableFolders';

/** What command handlers share: the long-lived services created in activate(). */
export interface CommandContext {
  readonly log: vscode.LogOutputChannel;
  readonly view: NamespacesView;
  readonly sessions: IsolatedSessions;
  /** Whether the user is root, and where privilege questions are asked. */
  readonly identity: CallerIdentity;
  readonly idMaps: IdMapsPanels;
  readonly helper: PrivilegedHelper;
  readonly topology: TopologyFeature;
  /** The open Inspect Process panels. */
  readonly inspect: InspectPanels;
  /** The container folders the user allowed writing in (this window only). */
  readonly containerFolders: WritableFolders;
}

/** Builds the handler VS Code calls for one command. */
export type CommandFactory = (ctx: CommandContext) => (...args: unknown[]) => unknown;
