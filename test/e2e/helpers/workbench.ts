// Opening the VS Code workbench and knowing when it is ready to be driven.
import type { Page } from 'playwright-core';
import { activityBarEntry } from './activityBar';

const READY_TIMEOUT_MS = 60_000;

/**
 * Loads the workbench and waits until the UI is up and the server's extensions are known: the
 * extension's activity-bar entry appears only after the workbench connected to the server and
 * scanned its extensions.
 */
export async function openWorkbench(page: Page, url: string, activityBarTitle: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: READY_TIMEOUT_MS });
  await activityBarEntry(page, activityBarTitle).waitFor({ timeout: READY_TIMEOUT_MS });
}

/** Waits until the status bar no longer says "Activating Extensions..." (for calm screenshots). */
export async function waitUntilExtensionsActivated(page: Page): Promise<void> {
  await page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'hidden', timeout: READY_TIMEOUT_MS });
}
