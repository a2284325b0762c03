// Export the topology picture as PNG (to a given file Uri, or one the user picks).
import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';

export const exportTopologyPng: CommandFactory = (ctx) => (target?: unknown) =>
  ctx.topology.exportPicture('png', target instanceof vscode.Uri ? target : undefined);
