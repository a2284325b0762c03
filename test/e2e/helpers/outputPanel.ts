import type { Locator, Page } from 'playwright-core';

/**
 * The text editor of the Output panel (shows the selected output channel). Monaco renders spaces
 * as no-break spaces: match its text with \s, not with a literal space.
 */
export function outputText(page: Page): Locator {
  return page.locator('.part.panel .output-view .view-lines');
}
