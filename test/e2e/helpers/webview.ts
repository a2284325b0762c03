// Webviews in the workbench are nested iframes (an outer frame and an inner "active-frame" that
// holds the page). These find the frame whose document has a given element, and switch theme and
// zoom for screenshots.
import type { Frame, Locator, Page } from 'playwright-core';
import { runCommand } from './palette';

/** The frame whose page contains `selector` (waits until one does). */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {
        /* a frame that went away while looked at */
      }
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows ${selector}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Picks a colour theme through "Preferences: Color Theme" (which sets workbench.colorTheme), as a
 * user does. `theme` is the picker's label: "Light Modern" is the setting's "Default Light Modern".
 */
export async function setColorTheme(page: Page, theme: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await focusWorkbench(page);
  await runCommand(page, 'Preferences: Color Theme', { asks: true });
  await page.locator('.quick-input-widget input[placeholder*="Color Theme"]').waitFor();
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);
}

/**
 * Browser zoom: `factor` 2 is what 200% zoom of the window does (half as many CSS pixels, each
 * drawn with two device pixels), so layouts reflow as they would for a user.
 */
export async function setZoom(page: Page, factor: number, base = { width: 1280, height: 800 }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const width = Math.round(base.width / factor);
  const height = Math.round(base.height / factor);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: factor, mobile: false });
  await page.setViewportSize({ width, height });
  await cdp.detach();
  await page.waitForTimeout(500);
}

/**
 * Takes the keyboard focus out of a webview (whose frame may keep F1 and other keys to itself)
 * onto the workbench: the side bar's tree, or the editor tabs when the side bar is hidden.
 */
export async function focusWorkbench(page: Page): Promise<void> {
  const tree = page.locator('.part.sidebar .monaco-list').first();
  if (await tree.isVisible()) await tree.focus();
  else await page.locator('.tabs-container').first().focus();
}

/**
 * Scrolls an element of a live webview into view. A live panel redraws its sections when its
 * facts change, which can detach the element mid-scroll: then it is looked up again.
 */
export async function scrollIntoLiveView(element: Locator, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await element.scrollIntoViewIfNeeded();
      return;
    } catch (error) {
      if (attempt === attempts || !String(error).includes('not attached')) throw error;
    }
  }
}
