// Context keys the extension sets for when-clauses in package.json, by name.
import * as vscode from 'vscode';

export const CONTEXT_KEYS = {
  /** The Namespaces view has a filter. */
  filtered: 'nsInspector:filtered',
  /** The Namespaces view's grouping (see core/tree/grouping.ts). */
  grouping: 'nsInspector:grouping',
  /** The Namespaces view shows everything through the privileged helper. */
  privileged: 'nsInspector:privilegedView',
} as const;

export function setContextKey(key: (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS], value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}
