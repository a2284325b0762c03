import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireDebianPackages } from '../../scripts/vscode/prerequisites';

const present = { debianPackage: 'coreutils', purpose: 'always there', evidence: ['/bin/sh'] };
const missing = { debianPackage: 'no-such-package', purpose: 'a missing tool', evidence: ['/nonexistent/tool'] };

test('passes when every package is installed', () => {
  assert.doesNotThrow(() => requireDebianPackages(present));
});

test('names each missing package, what it is for, and the apt-get command', () => {
  assert.throws(
    () => requireDebianPackages(present, missing),
    (error: Error) =>
      /no-such-package: a missing tool/.test(error.message) &&
      /apt-get install -y no-such-package$/m.test(error.message) &&
      !error.message.includes('coreutils'),
  );
});
