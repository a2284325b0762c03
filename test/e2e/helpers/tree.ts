import type { Locator } from 'playwright-core';

/** A tree item of a view by its label (the start of its accessible name). */
export function treeItem(view: Locator, label: string): Locator {
  return view.getByRole('treeitem', { name: label }).first();
}

/** Expands a collapsed tree item and waits until it is expanded. */
export async function expandTreeItem(item: Locator): Promise<void> {
  if ((await item.getAttribute('aria-expanded')) === 'false') {
    await item.locator('.monaco-tl-twistie').click();
  }
  await item.and(item.page().locator('[aria-expanded="true"]')).waitFor();
}

/** Item labels of a view, top to bottom, as rendered (only the rows on screen). */
export async function visibleTreeLabels(view: Locator): Promise<string[]> {
  return view.getByRole('treeitem').locator('.label-name').allInnerTexts();
}
