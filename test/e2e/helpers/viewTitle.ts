import type { Locator, Page } from 'playwright-core';

/**
 * An action in the side bar's title bar by its label (a view alone in its container shows its
 * title actions there, not in its own header).
 */
export function sideBarTitleAction(page: Page, label: string): Locator {
  return page.locator(`.part.sidebar .title-actions a.action-label[aria-label^="${label}"]`).first();
}

/**
 * Clicks a submenu action in the side bar's title bar until its menu shows: the workbench drops a
 * click that lands while it re-renders the title bar (a refresh of the view, seen in CI).
 */
export async function openSideBarTitleMenu(page: Page, label: string, attempts = 3): Promise<Locator> {
  const menu = page.locator('.context-view .monaco-menu');
  for (let attempt = 1; ; attempt++) {
    await sideBarTitleAction(page, label).click();
    try {
      await menu.waitFor({ timeout: 3000 });
      return menu;
    } catch (error) {
      if (attempt === attempts) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
