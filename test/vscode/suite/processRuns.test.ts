// Every program the extension runs goes through the one runner and leaves one line in the
// Namespace Inspector log. (The terminals' sudo routes with nsInspector.helper.elevation "none":
// test/vscode/unprivileged/elevationNone.test.ts.)
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { Topology } from '../../../src/core/net/topology';
import { activatedApi } from './extensionUnderTest';

describe('process runs: one runner, one log line each', function () {
  this.timeout(60_000);
  let api: NamespaceInspectorApi;
  const name = `nsi-runs-${randomBytes(3).toString('hex')}`;

  before(async () => {
    api = await activatedApi();
    execFileSync('ip', ['netns', 'add', name]);
  });

  after(async () => {
    if (existsSync(`/run/netns/${name}`)) execFileSync('ip', ['netns', 'del', name]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the topology's `ip` run in a named namespace is logged: program, argv, exit code, time", async () => {
    const logged: string[] = [];
    const subscription = api.runs.onDidLog((line) => logged.push(line));
    try {
      const panel = await vscode.commands.executeCommand<{ update(): Promise<Topology | undefined> }>('nsInspector.topology.show');
      const topology = await panel.update();
      assert.ok(topology?.namespaces.some((n) => n.netnsName === name), 'the new namespace is in the picture');
    } finally {
      subscription.dispose();
    }
    const ours = logged.filter((line) => line.startsWith(`run: ip -n ${name} `));
    assert.ok(ours.length >= 1, `no line for ${name} among:\n${logged.join('\n')}`);
    // The topology's reading. (A details document left open on a namespace that had this inode
    // before, which the kernel hands out again, reads it too: `ip -j -d -b -`, no -s.)
    const topologyRun = new RegExp(`^run: ip -n ${name} -j -d -s -b - → exit 0 in \\d+ ms$`);
    assert.ok(ours.some((line) => topologyRun.test(line)), `no topology line among:\n${ours.join('\n')}`);
    // It went to the output channel, at debug level (the channel shows it when its level is Debug).
    assert.equal(typeof api.log.logLevel, 'number');
  });
});
