// Colours from the theme's variables, resolved to values: the picture carries them as attributes
// so an exported SVG or PNG looks the same outside VS Code.
export interface Palette {
  background: string;
  foreground: string;
  muted: string;
  boxFill: string;
  boxStroke: string;
  hostFill: string;
  hostStroke: string;
  headerFill: string;
  rowFill: string;
  up: string;
  down: string;
  noCarrier: string;
  veth: string;
  bridge: string;
  parent: string;
  vxlan: string;
  match: string;
  selection: string;
  fontFamily: string;
  monoFamily: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => cssVar(style, name, fallback);
  return {
    background: v('--vscode-editor-background', '#1e1e1e'),
    foreground: v('--vscode-editor-foreground', '#cccccc'),
    muted: v('--vscode-descriptionForeground', '#9d9d9d'),
    boxFill: v('--vscode-editorWidget-background', '#252526'),
    boxStroke: v('--vscode-editorWidget-border', v('--vscode-panel-border', '#454545')),
    hostFill: v('--vscode-editor-inactiveSelectionBackground', '#3a3d41'),
    hostStroke: v('--vscode-focusBorder', '#007fd4'),
    headerFill: v('--vscode-sideBarSectionHeader-background', v('--vscode-editorGroupHeader-tabsBackground', '#2d2d2d')),
    rowFill: v('--vscode-editor-background', '#1e1e1e'),
    up: v('--vscode-charts-green', '#89d185'),
    down: v('--vscode-charts-red', '#f14c4c'),
    noCarrier: v('--vscode-charts-yellow', '#cca700'),
    veth: v('--vscode-charts-blue', '#3794ff'),
    bridge: v('--vscode-charts-purple', '#b180d7'),
    parent: v('--vscode-charts-orange', '#d18616'),
    vxlan: v('--vscode-charts-foreground', '#cccccc'),
    match: v('--vscode-editor-findMatchBorder', v('--vscode-charts-yellow', '#cca700')),
    selection: v('--vscode-focusBorder', '#007fd4'),
    fontFamily: v('--vscode-font-family', 'sans-serif'),
    monoFamily: v('--vscode-editor-font-family', 'monospace'),
  };
}
