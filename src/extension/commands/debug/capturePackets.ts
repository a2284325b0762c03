// Capture Packets: the topology's capture (the helper's capture verb, a .pcap in the workspace)
// on an interface of the process's network namespace.
import * as vscode from 'vscode';
import { idKey } from '../../../core/model/namespaceId';
import { COMMAND_IDS } from '../commandIds';
import type { CommandFactory } from '../commandContext';
import { processTarget } from '../process/processTarget';

export const capturePackets: CommandFactory = (ctx) => async (arg?: unknown, ifName?: unknown) => {
  const target = await processTarget(ctx, arg, 'Capture Packets');
  const ino = target?.namespaces.net;
  const ns = ino === undefined ? undefined : [...(ctx.view.result?.namespaces.values() ?? [])].find((n) => n.type === 'net' && n.id.ino === ino);
  if (!target) return undefined;
  if (!ns) {
    void vscode.window.showErrorMessage(`The network namespace of process ${target.pid} is not known (yet): refresh the Namespaces view and try again.`);
    return undefined;
  }
  return vscode.commands.executeCommand(COMMAND_IDS.captureInterface, idKey(ns.id), ifName);
};
