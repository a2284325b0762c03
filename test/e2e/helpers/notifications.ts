import type { Locator, Page } from 'playwright-core';

/** A notification toast whose message contains `text` (a string or pattern). */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text }).first();
}
