import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What `npm run package` puts in the .vsix, as vsce lists it (the test command builds dist/ first). */
describe('the .vsix contents', () => {
  const files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }).trim().split('\n');

  it('holds the bundles, the native addon and nsinspect-enter, media and the documents', () => {
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/cli.js', 'dist/nsnative.node', 'dist/nsinspect-enter', 'dist/nsinspect-hold-open', 'helper/nsinspect-helper']) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
    assert.ok(files.some((file) => file.startsWith('media/')), 'media/ is missing');
  });

  it('has a marketplace icon (128×128 PNG) and categories beyond "Other"', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.ok(files.includes(manifest.icon), `${manifest.icon} is missing from the package`);
    const png = readFileSync(manifest.icon);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(manifest.categories.filter((c: string) => c !== 'Other').length >= 2, manifest.categories.join());
  });

  it("ships the README's screenshots, and packages with relative links left as they are", () => {
    // No repository URL is known, so vsce cannot rewrite relative images to one: it packages with
    // --no-rewrite-relative-links, and VS Code's extension page resolves them in the installed
    // extension, which must hold them.
    const images = [...readFileSync('README.md', 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 2, 'the README shows screenshots');
    for (const image of images) {
      assert.doesNotMatch(image, /^\w+:/, `${image}: relative, packaged`);
      assert.ok(files.includes(image), `${image} is missing from the package`);
    }
    assert.match(JSON.parse(readFileSync('package.json', 'utf8')).scripts.package, /--no-rewrite-relative-links/);
  });

  it('leaves out sources, tests, native sources and node_modules', () => {
    const unwanted = files.filter((file) => /^(src|test|native|node_modules|scripts|bench|\.ci)\//.test(file));
    assert.deepEqual(unwanted, []);
  });
});
