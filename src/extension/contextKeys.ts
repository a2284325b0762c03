// Context keys the extension sets for when-clauses in package.json, by name.
import * as vscode from 'vscode';

export const CONTEXT_KEYS = {
  /** The Namespaces view has a filter. */
  filtered: 'nsInspector:filtered',
  /** The Namespaces view's grouping (see core/tree/grouping.ts). */
  grouping: 'nsInspector:grouping',
  /** The Namespaces view shows everything through the privileged helper. */
  privileged: 'nsInspector:privilegedView',
  /** The user is root: the privileged view and the helper's installer are not offered then. */
  isRoot: 'nsInspector:isRoot',
} as const;

type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];
const lastSet = new Map<ContextKey, unknown>();

/**
 * Sets a context key only when its value changes: every setContext re-evaluates the menus'
 * when-clauses, and an open menu (Group By) closed at each auto-refresh that set the same value.
 */
export function setContextKey(key: ContextKey, value: unknown): void {
  if (lastSet.has(key) && lastSet.get(key) === value) return;
  lastSet.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}
