// Export the topology picture as SVG (to a given file Uri, or one the user picks).
import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';

export const exportTopologySvg: CommandFactory = (ctx) => (target?: unknown) =>
  ctx.topology.exportPicture('svg', target instanceof vscode.Uri ? target : undefined);
