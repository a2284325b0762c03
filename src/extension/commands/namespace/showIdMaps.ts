// Show ID Maps: the UID/GID maps of the user namespace a namespace or process belongs to, drawn
// in a webview panel with its ancestors. From the palette it asks for the namespace; tests and
// other code may pass a user namespace id ({dev, ino}). Returns the panel.
import * as vscode from 'vscode';
import { owningUserNamespace } from '../../../core/idmaps/idMapsModel';
import { isUint } from '../../../core/messages/messageChecks';
import type { NamespaceId } from '../../../core/model/namespaceId';
import type { CommandFactory } from '../commandContext';
import { resolveTarget } from './resolveTarget';

function namespaceIdArg(arg: unknown): NamespaceId | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { dev, ino } = arg as Record<string, unknown>;
  return isUint(dev) && isUint(ino) ? { dev, ino } : undefined;
}

export const showIdMaps: CommandFactory = (ctx) => async (arg?: unknown) => {
  const direct = namespaceIdArg(arg);
  if (direct) return ctx.idMaps.show(direct);
  const target = await resolveTarget(ctx, arg, 'Show ID Maps');
  if (!target) return undefined;
  const userNs = owningUserNamespace(target.ns);
  if (!userNs) {
    void vscode.window.showWarningMessage(`The owning user namespace of ${target.ns.type} ${target.ns.id.ino} is not known.`);
    return undefined;
  }
  return ctx.idMaps.show(userNs);
};
