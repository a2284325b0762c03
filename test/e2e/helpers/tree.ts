import type { Locator } from 'playwright-core';

/** A tree item of a view by its label (the start of its accessible name). */
export function treeItem(view: Locator, label: string): Locator {
  return view.getByRole('treeitem', { name: label }).first();
}

/**
 * Expands a collapsed tree item and waits until it is expanded. It clicks again when a click did
 * not take: a refresh that lands just then (a new grouping's first scan, an auto-refresh) may
 * render the row anew and swallow the click.
 */
export async function expandTreeItem(item: Locator): Promise<void> {
  const expanded = item.and(item.page().locator('[aria-expanded="true"]'));
  for (let attempt = 1; ; attempt++) {
    await item.waitFor();
    if ((await item.getAttribute('aria-expanded')) === 'false') await item.locator('.monaco-tl-twistie').click();
    try {
      await expanded.waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Item labels of a view, top to bottom, as rendered (only the rows on screen). */
export async function visibleTreeLabels(view: Locator): Promise<string[]> {
  return view.getByRole('treeitem').locator('.label-name').allInnerTexts();
}

/**
 * A namespace's item: its name leads the label, its type and inode end the description (the
 * accessible name is label and description). `ino` may be a pattern ("\\d+"); the name is literal.
 */
export function namespaceItem(view: Locator, type: string, ino: number | string, name = ''): Locator {
  const literal = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return view.getByRole('treeitem', { name: new RegExp(`^${literal}.* ${type} ${ino}\\b`) }).first();
}
