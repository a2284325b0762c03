import type { Locator, Page } from 'playwright-core';

/**
 * An action in the side bar's title bar by its label (a view alone in its container shows its
 * title actions there, not in its own header).
 */
export function sideBarTitleAction(page: Page, label: string): Locator {
  return page.locator(`.part.sidebar .title-actions a.action-label[aria-label^="${label}"]`).first();
}
