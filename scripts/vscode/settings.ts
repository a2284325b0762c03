// VS Code user settings written into the server's user-data folder before it starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** No update checks, telemetry or experiments: the server runs offline. */
export const OFFLINE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
};

/** A calm workbench for tests and screenshots: no welcome page, tips, or chat side bar. */
export const TEST_SETTINGS = {
  ...OFFLINE_SETTINGS,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The DOM renderer: a terminal's text is in the page, so a test waits for the output itself
  // instead of a pause for a canvas it cannot read.
  'terminal.integrated.gpuAcceleration': 'off',
};

export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Environment for test servers: terminals run /bin/sh, so what the tests type does not wait on
 * the machine's shell start-up files (here a pyenv rehash lock, left by a shell killed mid-start,
 * made every interactive bash wait 60 s).
 */
export const TEST_SERVER_ENV = { SHELL: '/bin/sh' };
