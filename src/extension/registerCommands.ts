// The one place that maps command ids to handlers. The `satisfies` clause makes a command id
// without a handler a type error.
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from './commands/commandIds';
import type { CommandContext, CommandFactory } from './commands/commandContext';
import { showSummary } from './commands/discovery/showSummary';
import { showLog } from './commands/log/showLog';
import { refresh } from './commands/view/refresh';
import { filter } from './commands/view/filter';
import { clearFilter } from './commands/view/clearFilter';
import { groupBy } from './commands/view/groupBy';
import { revealHere } from './commands/view/revealHere';
import { setKernelThreadsShown } from './commands/view/kernelThreads';
import { explainLimitedView } from './commands/view/explainLimitedView';
import { showDetails } from './commands/namespace/showDetails';
import { copyInode } from './commands/namespace/copyInode';
import { copyPid } from './commands/namespace/copyPid';
import { copyNsenter } from './commands/namespace/copyNsenter';
import { openShell } from './commands/namespace/openShell';
import { runCommand } from './commands/namespace/runCommand';
import { newIsolatedTerminal } from './commands/isolate/newIsolatedTerminal';
import { showTerminal } from './commands/isolate/showTerminal';
import { runInNamespace } from './commands/file/runInNamespace';
import { showIdMaps } from './commands/namespace/showIdMaps';
import { showTopology } from './commands/topology/showTopology';
import { captureInterface } from './commands/topology/captureInterface';
import { stopCapture } from './commands/topology/stopCapture';
import { exportTopologySvg } from './commands/topology/exportTopologySvg';
import { exportTopologyPng } from './commands/topology/exportTopologyPng';
import { installHelper } from './commands/helper/installHelper';
import { showAllPrivileged } from './commands/view/showAllPrivileged';
import { leavePrivileged } from './commands/view/leavePrivileged';
import { createNetns } from './commands/network/createNetns';
import { deleteNetns } from './commands/network/deleteNetns';
import { connectVeth } from './commands/network/connectVeth';
import { linkUp } from './commands/network/linkUp';
import { linkDown } from './commands/network/linkDown';
import { tryExperiment } from './commands/walkthrough/tryExperiment';
import { inspectProcessCommand } from './commands/process/inspectProcess';
import { openContainerFilesystem } from './commands/debug/openContainerFilesystem';
import { allowContainerFolderWriting, makeContainerFolderReadOnly } from './commands/debug/containerFolderWriting';
import { findInContainerFolder } from './commands/debug/findInContainerFolder';
import { startTracer } from './commands/debug/startTracer';
import { capturePackets } from './commands/debug/capturePackets';
import { copyDebugCommand } from './commands/debug/copyDebugCommand';

const HANDLERS = {
  [COMMAND_IDS.showSummary]: showSummary,
  [COMMAND_IDS.showLog]: showLog,
  [COMMAND_IDS.refresh]: refresh,
  [COMMAND_IDS.filter]: filter,
  [COMMAND_IDS.clearFilter]: clearFilter,
  [COMMAND_IDS.groupByType]: groupBy('type'),
  [COMMAND_IDS.groupByUserNamespace]: groupBy('userNamespace'),
  [COMMAND_IDS.groupByPidNamespace]: groupBy('pidNamespace'),
  [COMMAND_IDS.groupByContainer]: groupBy('container'),
  [COMMAND_IDS.groupedByType]: groupBy('type'),
  [COMMAND_IDS.groupedByUserNamespace]: groupBy('userNamespace'),
  [COMMAND_IDS.groupedByPidNamespace]: groupBy('pidNamespace'),
  [COMMAND_IDS.groupedByContainer]: groupBy('container'),
  [COMMAND_IDS.revealHere]: revealHere,
  [COMMAND_IDS.showKernelThreads]: setKernelThreadsShown(true),
  [COMMAND_IDS.hideKernelThreads]: setKernelThreadsShown(false),
  [COMMAND_IDS.explainLimitedView]: explainLimitedView,
  [COMMAND_IDS.showDetails]: showDetails,
  [COMMAND_IDS.copyInode]: copyInode,
  [COMMAND_IDS.copyPid]: copyPid,
  [COMMAND_IDS.copyNsenter]: copyNsenter,
  [COMMAND_IDS.openShell]: openShell,
  [COMMAND_IDS.runCommand]: runCommand,
  [COMMAND_IDS.newIsolatedTerminal]: newIsolatedTerminal,
  [COMMAND_IDS.showTerminal]: showTerminal,
  [COMMAND_IDS.runInNamespace]: runInNamespace,
  [COMMAND_IDS.showIdMaps]: showIdMaps,
  [COMMAND_IDS.showTopology]: showTopology,
  [COMMAND_IDS.captureInterface]: captureInterface,
  [COMMAND_IDS.stopCapture]: stopCapture,
  [COMMAND_IDS.exportTopologySvg]: exportTopologySvg,
  [COMMAND_IDS.exportTopologyPng]: exportTopologyPng,
  [COMMAND_IDS.installHelper]: installHelper,
  [COMMAND_IDS.showAllPrivileged]: showAllPrivileged,
  [COMMAND_IDS.leavePrivileged]: leavePrivileged,
  [COMMAND_IDS.createNetns]: createNetns,
  [COMMAND_IDS.deleteNetns]: deleteNetns,
  [COMMAND_IDS.connectVeth]: connectVeth,
  [COMMAND_IDS.linkUp]: linkUp,
  [COMMAND_IDS.linkDown]: linkDown,
  [COMMAND_IDS.tryUtsExperiment]: tryExperiment('uts'),
  [COMMAND_IDS.tryPidExperiment]: tryExperiment('pid'),
  [COMMAND_IDS.tryUserExperiment]: tryExperiment('user'),
  [COMMAND_IDS.tryNetExperiment]: tryExperiment('net'),
  [COMMAND_IDS.tryVethExperiment]: tryExperiment('veth'),
  [COMMAND_IDS.inspectProcess]: inspectProcessCommand,
  [COMMAND_IDS.openContainerFilesystem]: openContainerFilesystem,
  [COMMAND_IDS.allowContainerFolderWriting]: allowContainerFolderWriting,
  [COMMAND_IDS.makeContainerFolderReadOnly]: makeContainerFolderReadOnly,
  [COMMAND_IDS.findInContainerFolder]: findInContainerFolder,
  [COMMAND_IDS.traceSyscalls]: startTracer('strace'),
  [COMMAND_IDS.attachGdb]: startTracer('gdb'),
  [COMMAND_IDS.capturePackets]: capturePackets,
  [COMMAND_IDS.copyStraceCommand]: copyDebugCommand('strace'),
  [COMMAND_IDS.copyGdbCommand]: copyDebugCommand('gdb'),
  [COMMAND_IDS.copyCaptureCommand]: copyDebugCommand('capture'),
} satisfies Record<CommandId, CommandFactory>;

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
