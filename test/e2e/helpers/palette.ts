import type { Page } from 'playwright-core';

/**
 * Runs a command from the command palette by its full title ("Category: Title") and waits for the
 * palette to close; `asks`: the command opens a quick input of its own, so the palette is not
 * waited for (it becomes that one).
 */
export async function runCommand(page: Page, title: string, options: { asks?: boolean } = {}): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pick.waitFor();
  await pick.click();
  if (!options.asks) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Starts a command from the palette that goes on to ask something in the quick input (left open). */
export async function startCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pick.waitFor();
  await pick.click();
  await page.locator('.quick-input-widget input:not([placeholder*="Type the name of a command"])').waitFor();
}
