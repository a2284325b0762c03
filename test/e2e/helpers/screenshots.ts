import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from '../../../scripts/vscode/layerResults';

export const SCREENSHOT_DIR = join(RESULTS_DIR, 'screenshots');

/** Saves a full-window screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Waits until the workbench's finite CSS animations and transitions have finished (a menu fading
 * in, a toast sliding in), so a screenshot shows them at rest. Endless ones (progress bars,
 * spinners) are left running.
 */
export async function animationsFinished(page: Page): Promise<void> {
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => undefined)))`);
}
