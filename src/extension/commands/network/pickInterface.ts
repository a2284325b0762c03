import * as vscode from 'vscode';
import type { LinkInfo } from '../../../core/net/ipLinkJson';
import type { NetTarget } from '../../../core/helper/netTarget';
import type { CommandContext } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';

interface LinkPick extends vscode.QuickPickItem {
  link: LinkInfo;
}

/** An interface of the target, listed through the helper (entering a namespace needs root). */
export async function pickInterface(ctx: CommandContext, target: NetTarget, title: string, wantUp: boolean): Promise<string | undefined> {
  let links: LinkInfo[];
  try {
    links = await ctx.helper.listLinks(target);
  } catch (error) {
    await showHelperError('Could not list the interfaces', error);
    return undefined;
  }
  const picks: LinkPick[] = links
    .sort((a, b) => Number(a.up === wantUp) - Number(b.up === wantUp))
    .map((link) => ({ link, label: `$(${link.up ? 'circle-filled' : 'circle-outline'}) ${link.name}`, description: [link.kind, link.up ? 'up' : 'down'].filter(Boolean).join(' · ') }));
  const pick = await vscode.window.showQuickPick(picks, { title, placeHolder: 'Pick an interface' });
  return pick?.link.name;
}
