// The view's settings (contributed in package.json under nsInspector.*).
import * as vscode from 'vscode';
import { NS_TYPES, isNsType, type NsType } from '../../../core/model/nsType';
import { isGrouping, type Grouping } from '../../../core/tree/grouping';
import { autoRefreshSeconds } from './autoRefresh';

const SECTION = 'nsInspector';

export interface ViewSettings {
  grouping: Grouping;
  /** Seconds between automatic refreshes while the view is visible (at least 1); 0 turns them off. */
  autoRefreshSeconds: number;
  shownTypes: NsType[];
  /** Kernel threads (kthreadd and its children) among a namespace's processes. */
  showKernelThreads: boolean;
}

export function readViewSettings(): ViewSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const grouping = config.get<string>('grouping');
  const seconds = config.get<unknown>('autoRefreshInterval');
  const types = config.get<string[]>('shownTypes');
  return {
    grouping: isGrouping(grouping) ? grouping : 'type',
    autoRefreshSeconds: autoRefreshSeconds(seconds),
    shownTypes: Array.isArray(types) ? types.filter(isNsType) : [...NS_TYPES],
    showKernelThreads: config.get<unknown>('showKernelThreads') === true,
  };
}

/** Remembers the grouping chosen in the title bar, for every workspace. */
export async function saveGrouping(grouping: Grouping): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('grouping', grouping, vscode.ConfigurationTarget.Global);
}

/** The title menu's Show/Hide Kernel Threads, for every workspace. */
export async function saveShowKernelThreads(show: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('showKernelThreads', show, vscode.ConfigurationTarget.Global);
}

export function affectsViewSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
