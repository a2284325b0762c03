import * as vscode from 'vscode';
import { netTargetText, type NetTarget } from '../../../core/helper/netTarget';
import type { CommandFactory } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';
import { netTargetOfNode, pickNetTarget } from './pickNetTarget';
import { pickInterface } from './pickInterface';

export interface SetLinkStateArgs {
  target?: NetTarget;
  ifName?: string;
}

/** "Bring Interface Up/Down...": one interface of a network namespace. Returns true when done. */
export function setLinkState(state: 'up' | 'down'): CommandFactory {
  return (ctx) => async (nodeId?: unknown, arg?: unknown) => {
    const args = (typeof arg === 'object' && arg !== null ? arg : typeof nodeId === 'object' && nodeId !== null ? nodeId : {}) as SetLinkStateArgs;
    const title = `Bring Interface ${state === 'up' ? 'Up' : 'Down'}`;
    const target = args.target ?? (typeof nodeId === 'string' ? netTargetOfNode(ctx, nodeId)?.target : (await pickNetTarget(ctx, title))?.target);
    if (!target) return false;
    const ifName = args.ifName ?? (await pickInterface(ctx, target, `${title}: ${netTargetText(target)}`, state === 'up'));
    if (!ifName) return false;
    try {
      await ctx.helper.setLink(target, ifName, state);
    } catch (error) {
      await showHelperError(`Could not bring ${ifName} ${state}`, error);
      return false;
    }
    void vscode.window.setStatusBarMessage(`${ifName} in ${netTargetText(target)} is ${state}`, 5000);
    await ctx.view.refresh();
    return true;
  };
}
