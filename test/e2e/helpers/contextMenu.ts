import type { Locator, Page } from 'playwright-core';

/** Right-clicks `target` and returns the context menu that opens. */
export async function openContextMenu(target: Locator): Promise<Locator> {
  await target.click({ button: 'right' });
  const menu = target.page().locator('.context-view .monaco-menu');
  await menu.waitFor();
  return menu;
}

/** Chooses an entry of an open context menu by its label. */
export async function chooseMenuItem(menu: Locator, label: string): Promise<void> {
  await menu.getByRole('menuitem', { name: label }).click();
}

/** Closes an open context menu without choosing. */
export async function closeContextMenu(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}
