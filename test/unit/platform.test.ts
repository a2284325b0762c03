import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unsupportedPlatformMessage } from '../../src/extension/platform';

test('Linux is supported: no message, the extension activates fully', () => {
  assert.equal(unsupportedPlatformMessage('linux'), undefined);
});

for (const platform of ['darwin', 'win32', 'freebsd'] as const) {
  test(`${platform} gets one clear message saying it works only on Linux`, () => {
    const message = unsupportedPlatformMessage(platform);
    assert.ok(message);
    assert.match(message, /works only on Linux/);
    assert.match(message, new RegExp(platform));
  });
}
