import type { Page } from 'playwright-core';

/**
 * Runs a command from the command palette by its full title ("Category: Title"). Then it waits
 * for the palette to close or, with `asks` (the command goes on to ask in a quick input of its
 * own), for that quick input to take the palette's place; it is left open for the caller.
 */
export async function runCommand(page: Page, title: string, options: { asks?: boolean } = {}): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pick.waitFor();
  await pick.click();
  if (options.asks) await page.locator('.quick-input-widget input:not([placeholder*="Type the name of a command"])').waitFor();
  else await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
