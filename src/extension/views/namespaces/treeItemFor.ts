// Maps a tree-model node to what VS Code draws. The words come from core/tree/presentation.ts.
import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../../core/model/result';
import { contextValue } from '../../../core/tree/contextValue';
import { nodeDescription, nodeLabel, nodeTooltip } from '../../../core/tree/presentation';
import type { TreeNode } from '../../../core/tree/treeNode';
import { COMMAND_IDS } from '../../commands/commandIds';
import { typeIcon } from './typeIcons';

const { Collapsed, None } = vscode.TreeItemCollapsibleState;

export function treeItemFor(node: TreeNode, result: DiscoveryResult, hasChildren: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(nodeLabel(node), hasChildren ? Collapsed : None);
  item.id = node.id;
  item.description = nodeDescription(node);
  item.tooltip = new vscode.MarkdownString(nodeTooltip(node, result));
  item.contextValue = contextValue(node);
  item.iconPath = iconFor(node);
  if (node.kind === 'limited') {
    item.command = { command: COMMAND_IDS.explainLimitedView, title: 'How to see everything' };
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
      return new vscode.ThemeIcon(node.container ? 'package' : 'vm');
    case 'process':
      return new vscode.ThemeIcon(node.here ? 'location' : 'server-process');
    case 'limited':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
}
