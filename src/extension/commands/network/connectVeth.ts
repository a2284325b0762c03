import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { checkCidr, checkIfName } from '../../../core/helper/helperRules';
import { netTargetText, type NetTarget } from '../../../core/helper/netTarget';
import type { CommandFactory } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';
import { netTargetOfNode, pickNetTarget } from './pickNetTarget';

export interface VethEnd {
  target: NetTarget;
  ifName: string;
  cidr?: string;
}

/** What a caller may pass instead of answering the pickers; missing parts are asked for. */
export interface ConnectVethArgs {
  a?: Partial<VethEnd> & { target: NetTarget };
  b?: Partial<VethEnd> & { target: NetTarget };
}

/** "Connect with veth Pair...": two network namespaces (or one and the host), optional addresses, both ends up. */
export const connectVeth: CommandFactory = (ctx) => async (nodeId?: unknown, arg?: unknown) => {
  const args = (typeof arg === 'object' && arg !== null ? arg : typeof nodeId === 'object' && nodeId !== null ? nodeId : {}) as ConnectVethArgs;
  const a = args.a?.target ?? (typeof nodeId === 'string' ? netTargetOfNode(ctx, nodeId)?.target : (await pickNetTarget(ctx, 'Connect with veth Pair: first end'))?.target);
  if (!a) return undefined;
  const b = args.b?.target ?? (await pickNetTarget(ctx, `Connect ${netTargetText(a)} with`, { exclude: a }))?.target;
  if (!b) return undefined;
  const names = args.a?.ifName && args.b?.ifName ? [args.a.ifName, args.b.ifName] : await askPair('Interface names, one for each end', defaultNames(), (v) => checkIfName(v), false);
  if (!names) return undefined;
  const cidrs = args.a || args.b ? [args.a?.cidr, args.b?.cidr] : await askPair('Addresses (optional): ADDRESS/PREFIX for each end, or leave empty', '', (v) => checkCidr(v), true);
  if (!cidrs) return undefined;
  const request = {
    verb: 'veth-add' as const,
    a: { target: a, ifName: names[0]!, cidr: cidrs[0] || undefined },
    b: { target: b, ifName: names[1]!, cidr: cidrs[1] || undefined },
  };
  try {
    await ctx.helper.run(request);
  } catch (error) {
    await showHelperError(`Could not connect ${netTargetText(a)} and ${netTargetText(b)}`, error);
    return undefined;
  }
  await ctx.view.refresh();
  void vscode.window.showInformationMessage(`Connected ${netTargetText(a)} (${names[0]}) and ${netTargetText(b)} (${names[1]}).`);
  return request;
};

function defaultNames(): string {
  const tag = randomBytes(2).toString('hex');
  return `veth${tag}a veth${tag}b`;
}

/** Two values separated by a space, each checked; [] (both absent) allowed when optional. */
async function askPair(prompt: string, value: string, check: (value: string) => string, optional: boolean): Promise<(string | undefined)[] | undefined> {
  const split = (text: string) => text.trim().split(/\s+/).filter(Boolean);
  const problem = (text: string) => {
    const parts = split(text);
    if (optional && parts.length === 0) return undefined;
    if (parts.length !== 2) return 'Two values, separated by a space: the first end\'s, then the second\'s.';
    try {
      parts.forEach(check);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const answer = await vscode.window.showInputBox({ title: 'Connect with veth Pair', prompt, value, validateInput: problem });
  if (answer === undefined) return undefined;
  const parts = split(answer);
  return parts.length ? parts : [undefined, undefined];
}
