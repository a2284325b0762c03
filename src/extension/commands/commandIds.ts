// Every command the extension registers, by id. package.json contributes the same set (checked by
// test/unit/commands-contributed.test.ts and, at run time, by the extension-host suite).
export const COMMAND_IDS = {
  showSummary: 'nsInspector.discovery.showSummary',
  showLog: 'nsInspector.log.show',
  refresh: 'nsInspector.view.refresh',
  filter: 'nsInspector.view.filter',
  clearFilter: 'nsInspector.view.clearFilter',
  groupByType: 'nsInspector.view.groupByType',
  groupByUserNamespace: 'nsInspector.view.groupByUserNamespace',
  groupByPidNamespace: 'nsInspector.view.groupByPidNamespace',
  groupByContainer: 'nsInspector.view.groupByContainer',
  revealHere: 'nsInspector.view.revealHere',
  explainLimitedView: 'nsInspector.view.explainLimitedView',
  showDetails: 'nsInspector.namespace.showDetails',
  copyInode: 'nsInspector.namespace.copyInode',
  copyPid: 'nsInspector.namespace.copyPid',
  copyNsenter: 'nsInspector.namespace.copyNsenter',
  openShell: 'nsInspector.namespace.openShell',
  runCommand: 'nsInspector.namespace.runCommand',
  newIsolatedTerminal: 'nsInspector.isolate.newTerminal',
  showTerminal: 'nsInspector.isolate.showTerminal',
  runInNamespace: 'nsInspector.file.runInNamespace',
  installHelper: 'nsInspector.helper.install',
  showAllPrivileged: 'nsInspector.view.showAllPrivileged',
  leavePrivileged: 'nsInspector.view.leavePrivileged',
  createNetns: 'nsInspector.network.createNetns',
  deleteNetns: 'nsInspector.network.deleteNetns',
  connectVeth: 'nsInspector.network.connectVeth',
  linkUp: 'nsInspector.network.linkUp',
  linkDown: 'nsInspector.network.linkDown',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
