// "Run in Namespace…" on a file answered through its quick picks, as a keyboard user does: into a
// named network namespace, and into a new isolated session (types and hostname as offered). The
// script the test wrote proves from inside where it ran. (Into an existing process' namespaces
// through the pickers: test/e2e/runInNamespace.e2e.ts types the namespace into the filter.)
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { NamespaceLab, nsInode, waitFor } from '../../integration/support/namespaces';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { closeTerminals } from './closeTerminals';
import { activatedApi } from './extensionUnderTest';
import { acceptQuickInput, answerQuickPick, closeQuickInput, terminalFocused } from './quickInput';

const RUN_IN_NAMESPACE = 'nsInspector.file.runInNamespace';

describe('Run in Namespace through its pickers', function () {
  this.timeout(60_000);
  const lab = new NamespaceLab();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-pickers-'));
  const terminals: vscode.Terminal[] = [];

  let api: NamespaceInspectorApi;

  before(async () => {
    api = await activatedApi();
  });

  after(async () => {
    await closeQuickInput();
    await closeTerminals(api, terminals);
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A script that writes where it runs (net namespace, hostname, PID namespace) to `<name>.out`. */
  function script(name: string): { path: string; out: string } {
    const path = join(dir, `${name}.sh`);
    const out = join(dir, `${name}.out`);
    writeFileSync(path, `{ readlink /proc/self/ns/net; hostname; readlink /proc/self/ns/pid; } > ${out}.tmp\nmv ${out}.tmp ${out}\n`);
    return { path, out };
  }

  async function output(out: string): Promise<string[]> {
    await waitFor(out, () => (existsSync(out) ? true : undefined), 20_000);
    return readFileSync(out, 'utf8').trim().split('\n');
  }

  it('"A named network namespace…", then the netns: the script runs inside it', async () => {
    const netns = lab.addNetns('pick', true);
    const ino = statSync(`/run/netns/${netns}`).ino;
    const { path, out } = script('netns');
    const run = vscode.commands.executeCommand<JoinTerminal | undefined>(RUN_IN_NAMESPACE, vscode.Uri.file(path));
    await answerQuickPick(2); // new session, a namespace's processes, a named network namespace
    await answerQuickPick(0, run); // the netns names, sorted: the test's sorts first
    const made = await run;
    assert.ok(made);
    terminals.push(made.terminal);
    assert.deepEqual(made.argv.slice(0, 3), ['nsenter', `--net=/run/netns/${netns}`, '--']);
    assert.deepEqual(made.argv.slice(-2), ['sh', path]);
    const [net] = await output(out);
    assert.equal(net, `net:[${ino}]`);
    // The terminal takes the focus when it comes up; a quick pick open then would close.
    await terminalFocused(made.terminal);
  });

  it('"New isolated session…" with the offered types (UTS, PID) and hostname: the script runs in a new PID namespace under that hostname', async () => {
    const { path, out } = script('session');
    const run = vscode.commands.executeCommand<JoinTerminal | undefined>(RUN_IN_NAMESPACE, vscode.Uri.file(path));
    await answerQuickPick(0); // new session
    await acceptQuickInput(); // the types as checked: UTS and PID
    await acceptQuickInput(run); // the hostname as offered: ns-NNNN
    const made = await run;
    assert.ok(made);
    terminals.push(made.terminal);
    assert.deepEqual(made.argv.slice(0, 3), ['unshare', '--uts', '--pid']);
    const offered = made.argv[made.argv.indexOf('sh', made.argv.indexOf('-c')) + 1];
    assert.match(offered, /^ns-\d+$/);
    const [, host, pidNs] = await output(out);
    assert.equal(host, offered);
    assert.notEqual(pidNs, `pid:[${nsInode('self', 'pid')}]`);
    assert.notEqual(hostname(), offered);
  });
});
