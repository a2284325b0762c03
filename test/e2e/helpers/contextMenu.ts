import type { Locator, Page } from 'playwright-core';

/** Right-clicks `target` and returns the context menu that opens. */
export async function openContextMenu(target: Locator, timeout?: number): Promise<Locator> {
  await target.click({ button: 'right' });
  const menu = target.page().locator('.context-view .monaco-menu');
  await menu.waitFor({ timeout });
  return menu;
}

/**
 * Chooses an entry of an open context menu by its label: hovers it, lets the menu settle, then
 * clicks. (A click right after the menu opened is sometimes ignored by the workbench: seen as a
 * menu left open with the entry highlighted.)
 */
export async function chooseMenuItem(menu: Locator, label: string): Promise<void> {
  const item = menu.getByRole('menuitem', { name: label });
  await item.hover();
  await menu.page().waitForTimeout(250);
  await item.click();
}

/** Closes an open context menu without choosing. */
export async function closeContextMenu(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

/**
 * Opens `target`'s context menu and chooses `label` until `outcome` shows: a menu may close as
 * focus moves (a refresh re-rendering the row, the workbench taking focus) and lose the click.
 */
export async function chooseFromContextMenuUntil(target: Locator, label: string, outcome: Locator, attempts = 3, outcomeTimeout = 8000): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await chooseMenuItem(await openContextMenu(target, 8000), label);
      await outcome.waitFor({ timeout: outcomeTimeout });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      await closeContextMenu(target.page());
    }
  }
}
