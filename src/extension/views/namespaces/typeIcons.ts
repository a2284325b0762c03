// An icon and colour per namespace type, the same in every grouping, so a type is recognised at
// a glance. Theme colours keep them legible in light, dark and high-contrast themes.
import * as vscode from 'vscode';
import type { NsType } from '../../../core/model/nsType';

const TYPE_ICONS: Record<NsType, [codicon: string, color: string]> = {
  mnt: ['file-submodule', 'charts.orange'],
  pid: ['pulse', 'charts.green'],
  net: ['globe', 'charts.blue'],
  ipc: ['comment-discussion', 'charts.purple'],
  uts: ['tag', 'charts.yellow'],
  user: ['person', 'charts.red'],
  cgroup: ['dashboard', 'terminal.ansiCyan'],
  time: ['clock', 'terminal.ansiMagenta'],
};

/** The codicon name, for "$(name)" in quick picks. */
export function typeCodicon(type: NsType): string {
  return TYPE_ICONS[type][0];
}

export function typeIcon(type: NsType): vscode.ThemeIcon {
  const [codicon, color] = TYPE_ICONS[type];
  return new vscode.ThemeIcon(codicon, new vscode.ThemeColor(color));
}
