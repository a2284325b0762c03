// Headless Debian Chromium driven by playwright-core. Playwright gives each launch a fresh
// temporary profile, so no state leaks between runs.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_PATH, requireDebianPackages } from './prerequisites';
import { onCleanup } from './cleanup';

const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  // Keep it offline and quiet: no update checks, sync, or first-run pages.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  requireDebianPackages(CHROMIUM);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  // On a hard exit Playwright itself kills the browser it launched, so no synchronous killer here.
  onCleanup(
    () => browser.close(),
    () => undefined,
  );
  return browser;
}
