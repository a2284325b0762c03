// Every command the extension registers, by id. package.json contributes the same set (checked by
// test/unit/commands-contributed.test.ts and, at run time, by the extension-host suite).
export const COMMAND_IDS = {
  showSummary: 'nsInspector.discovery.showSummary',
  showLog: 'nsInspector.log.show',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
