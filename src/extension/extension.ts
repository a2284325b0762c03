// Entry point VS Code loads. On Linux it creates the log channel, the commands and the views; on
// any other platform it says why it cannot work and registers nothing.
import * as vscode from 'vscode';
import { unsupportedPlatformMessage } from './platform';
import { registerCommands } from './registerCommands';
import { RootFileSystemProvider } from './containerFiles/rootFileSystemProvider';
import { WritableFolders } from '../core/containerFiles/writableFolders';
import { registerNamespacesView, type NamespacesView } from './views/namespacesView';
import { IsolatedSessions } from './terminals/isolatedSessions';
import { registerTerminalProfiles } from './terminals/terminalProfiles';
import { CallerIdentity } from './callerIdentity';
import { IdMapsPanels } from './views/idMaps/idMapsPanels';
import { PrivilegedHelper } from './helper/privilegedHelper';
import { TopologyFeature } from './views/topology/topologyFeature';
import { watchEarlyExits, type EarlyExits } from './terminals/earlyExits';
import { RunLogChannel } from './runLogChannel';
import { InspectPanels } from './views/inspect/inspectPanels';

export const LOG_CHANNEL_NAME = 'Namespace Inspector';

/** What activate() returns; the extension-host tests use it to reach the live services. */
export interface NamespaceInspectorApi {
  readonly log: vscode.LogOutputChannel;
  /** The Namespaces view: its tree provider, snapshot and refresh, for the extension-host tests. */
  readonly namespacesView: NamespacesView;
  /** Isolated terminals and their namespaces. */
  readonly sessions: IsolatedSessions;
  /** Whether the user is root, and the privilege questions. */
  readonly identity: CallerIdentity;
  /** The open ID-maps panels. */
  readonly idMaps: IdMapsPanels;
  /** The privileged helper: every root-only step goes through it (verb + args -> result, logged). */
  readonly helper: PrivilegedHelper;
  /** The network topology panel, its actions and captures. */
  readonly topology: TopologyFeature;
  /** Terminals that ended at once and the message given for each. */
  readonly earlyExits: EarlyExits;
  /** Every program the extension runs (ip, nsenter, the helper…): one log line each. */
  readonly runs: RunLogChannel;
  /** The open Inspect Process panels. */
  readonly inspect: InspectPanels;
}

export function activate(context: vscode.ExtensionContext): NamespaceInspectorApi | undefined {
  const unsupported = unsupportedPlatformMessage(process.platform);
  if (unsupported) {
    void vscode.window.showErrorMessage(unsupported);
    return undefined;
  }
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const runs = new RunLogChannel(log);
  const earlyExits = watchEarlyExits(log);
  const sessions = new IsolatedSessions();
  const identity = new CallerIdentity();
  identity.announce();
  const helper = PrivilegedHelper.forExtension(log, context.extensionPath);
  const namespacesView = registerNamespacesView(log, sessions, helper);
  const idMaps = new IdMapsPanels(context.extensionUri, namespacesView, log);
  const topology = new TopologyFeature(context.extensionUri, namespacesView, sessions, helper, log);
  const inspect = new InspectPanels(context.extensionUri, namespacesView, log);
  const containerFolders = new WritableFolders();
  context.subscriptions.push(
    log,
    runs,
    earlyExits,
    sessions,
    identity,
    namespacesView,
    idMaps,
    topology,
    inspect,
    ...registerCommands({ log, view: namespacesView, sessions, identity, idMaps, helper, topology, inspect, containerFolders }),
    ...registerTerminalProfiles(log, identity),
    RootFileSystemProvider.register(log, containerFolders),
  );
  log.info(`activated (VS Code ${vscode.version}, extension host pid ${process.pid})`);
  return { log, namespacesView, sessions, identity, idMaps, helper, topology, earlyExits, runs, inspect };
}

export function deactivate(): void {
  // Everything is in context.subscriptions, which VS Code disposes.
}
