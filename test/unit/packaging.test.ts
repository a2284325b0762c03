import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

/** What `npm run package` puts in the .vsix, as vsce lists it (the test command builds dist/ first). */
describe('the .vsix contents', () => {
  const files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }).trim().split('\n');

  it('holds the bundles, the native addon and nsinspect-enter, media and the documents', () => {
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/cli.js', 'dist/nsnative.node', 'dist/nsinspect-enter', 'helper/nsinspect-helper']) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
    assert.ok(files.some((file) => file.startsWith('media/')), 'media/ is missing');
  });

  it('leaves out sources, tests, native sources and node_modules', () => {
    const unwanted = files.filter((file) => /^(src|test|native|node_modules|scripts|bench|\.ci)\//.test(file));
    assert.deepEqual(unwanted, []);
  });
});
