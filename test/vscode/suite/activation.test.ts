import { describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, extensionUnderTest } from './extensionUnderTest';

describe('activation', () => {
  it('runs in a Linux extension host', () => {
    assert.equal(process.platform, 'linux');
  });

  it('activates on Linux', async () => {
    await activatedApi();
    assert.equal(extensionUnderTest().isActive, true);
  });

  it('creates the "Namespace Inspector" log output channel', async () => {
    const { log } = await activatedApi();
    assert.equal(log.name, 'Namespace Inspector');
    // Only a LogOutputChannel has a log level; a plain OutputChannel does not.
    assert.equal(typeof log.logLevel, 'number');
    assert.notEqual(log.logLevel, vscode.LogLevel.Off);
  });
});
