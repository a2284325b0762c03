// Maps a tree-model node to what VS Code draws. The words come from core/tree/presentation.ts.
import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../../core/model/result';
import { contextValue } from '../../../core/tree/contextValue';
import { nodeDescription, nodeLabel, nodeTooltip } from '../../../core/tree/presentation';
import type { TreeNode } from '../../../core/tree/treeNode';
import { COMMAND_IDS } from '../../commands/commandIds';
import { typeIcon } from './typeIcons';
import { ENGINE_ICONS } from '../../../core/tree/containerText';
import { ISOLATED_TERMINAL_ICON } from '../../terminals/isolatedSessions';

const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;

export function treeItemFor(node: TreeNode, result: DiscoveryResult, hasChildren: boolean): vscode.TreeItem {
  // The open sessions are what the user just made: shown without a click.
  const item = new vscode.TreeItem(nodeLabel(node), hasChildren ? (node.kind === 'sessionGroup' ? Expanded : Collapsed) : None);
  item.id = node.id;
  item.description = nodeDescription(node);
  item.tooltip = new vscode.MarkdownString(nodeTooltip(node, result));
  item.contextValue = contextValue(node);
  item.iconPath = iconFor(node);
  if (node.kind === 'limited') {
    item.command = { command: COMMAND_IDS.explainLimitedView, title: 'How to see everything' };
  }
  if (node.kind === 'session') {
    item.command = { command: COMMAND_IDS.showTerminal, title: 'Show Terminal', arguments: [node.id] };
  }
  return item;
}

function iconFor(node: TreeNode): vscode.ThemeIcon {
  switch (node.kind) {
    case 'typeGroup':
      return typeIcon(node.type);
    case 'namespace':
      return typeIcon(node.ns.type);
    case 'containerGroup':
      return new vscode.ThemeIcon(node.container ? ENGINE_ICONS[node.container.engine] : 'vm');
    case 'sessionGroup':
      return new vscode.ThemeIcon('terminal');
    case 'session':
      // The isolated terminal's own icon, so the two are recognised as one.
      return new vscode.ThemeIcon(node.session.icon ?? ISOLATED_TERMINAL_ICON, new vscode.ThemeColor('terminal.ansiGreen'));
    case 'process':
      return new vscode.ThemeIcon(node.here ? 'location' : 'server-process');
    case 'limited':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
}
