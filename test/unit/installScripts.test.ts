import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// npm 11.16+ warns of dependency install scripts not listed in package.json's allowScripts, and
// npm 12 skips them: esbuild's would go unchecked and the build could break on a fresh machine.
describe('install scripts npm runs for `npm ci`', () => {
  it('every required dependency with an install script is listed in allowScripts', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      // The project itself (key "") builds the native addon; optional ones (vsce's keytar) may fail.
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript && !entry.optional)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    assert.ok(withScripts.includes('esbuild'), 'the lockfile lists esbuild with its install script');
    for (const name of withScripts) assert.equal(manifest.allowScripts?.[name], true, `${name} runs an install script but is not allowed in package.json's allowScripts`);
  });
});
