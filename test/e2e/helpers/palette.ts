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

/**
 * Refreshes the Namespaces view, runs a command that asks in a quick pick, types `filter` and
 * accepts the first row that shows `rowText`. The pick lists the view's last refresh: when the
 * row is not there yet, it starts over (three times at most).
 */
export async function pickAfterRefresh(page: Page, title: string, filter: string, rowText = filter, focus: () => Promise<void> = async () => undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await focus();
    await runCommand(page, 'Namespace Inspector: Refresh Namespaces');
    await runCommand(page, title, { asks: true });
    await page.locator('.quick-input-widget input').fill(filter);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 5000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}
