import * as vscode from 'vscode';
import { checkNetnsName } from '../../../core/helper/helperRules';
import type { CommandFactory } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';
import { revealNetns } from './revealNetns';

/** What a caller (a test, a keybinding) may pass instead of answering the input box. */
export interface CreateNetnsArgs {
  name?: string;
}

/** "Create Network Namespace...": `ip netns add NAME` through the helper; the tree shows it. Returns the name. */
export const createNetns: CommandFactory = (ctx) => async (arg?: unknown) => {
  const args = (typeof arg === 'object' && arg !== null ? arg : {}) as CreateNetnsArgs;
  const name =
    args.name ??
    (await vscode.window.showInputBox({
      title: 'Create Network Namespace',
      prompt: 'A name for `ip netns`: letters, digits, _ . - (at most 64, not starting with -)',
      value: `ns-${Math.floor(Math.random() * 1e4)}`,
      validateInput: (value) => {
        try {
          checkNetnsName(value);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      },
    }));
  if (name === undefined) return undefined;
  try {
    await ctx.helper.addNetns(name);
  } catch (error) {
    await showHelperError(`Could not create network namespace "${name}"`, error);
    return undefined;
  }
  await revealNetns(ctx, name);
  return name;
};
