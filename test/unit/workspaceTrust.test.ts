// Restricted Mode, as package.json declares it: a workspace someone else wrote must not choose what
// the extension runs (the helper's path, how it gets root), and the command that runs a workspace
// file is off there. Any free-text string setting or helper setting counts as "names something
// that is run", so a new one is caught here until it is restricted too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Setting {
  type?: string;
  enum?: unknown[];
  scope?: string;
  minimum?: number;
  description?: string;
}
interface MenuEntry {
  command: string;
  when?: string;
}

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const settings = Object.entries(pkg.contributes.configuration.properties as Record<string, Setting>);
const untrusted = pkg.capabilities?.untrustedWorkspaces;
const RUNS_WORKSPACE_FILE = 'nsInspector.file.runInNamespace';

test('untrusted workspaces: limited support, said what works; virtual workspaces (container folders only) limited too', () => {
  assert.equal(untrusted?.supported, 'limited');
  assert.match(untrusted.description, /Restricted Mode/);
  assert.match(untrusted.description, /Run in Namespace/);
  // A window of container folders only is a virtual workspace: this extension serves them.
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  assert.match(pkg.capabilities.virtualWorkspaces.description, /Run in Namespace/);
});

test('every setting that names a path or program, or the helper, is restricted and machine-scoped', () => {
  const runsSomething = settings.filter(([name, s]) => (s.type === 'string' && !s.enum) || name.startsWith('nsInspector.helper.'));
  assert.ok(runsSomething.length >= 2, 'the helper path and elevation settings are found');
  for (const [name, setting] of runsSomething) {
    assert.ok(untrusted.restrictedConfigurations.includes(name), `${name} is not in restrictedConfigurations`);
    assert.ok(['machine', 'application'].includes(setting.scope ?? ''), `${name} has scope ${setting.scope ?? 'window'}: a workspace could set it`);
  }
  for (const name of untrusted.restrictedConfigurations) assert.ok(pkg.contributes.configuration.properties[name], `${name} is not a setting`);
});

test('Run in Namespace (runs a workspace file) is disabled and hidden in Restricted Mode', () => {
  const command = pkg.contributes.commands.find((c: { command: string }) => c.command === RUNS_WORKSPACE_FILE);
  assert.match(command.enablement ?? '', /\bisWorkspaceTrusted\b/);
  const entries = Object.values(pkg.contributes.menus as Record<string, MenuEntry[]>).flat().filter((entry) => entry.command === RUNS_WORKSPACE_FILE);
  assert.ok(entries.length >= 4);
  for (const entry of entries) assert.match(entry.when ?? '', /\bisWorkspaceTrusted\b/, `menu entry without the trust check: ${JSON.stringify(entry)}`);
});

test('the auto-refresh interval declares its minimum and says values are at least 1 second', () => {
  const [, interval] = settings.find(([name]) => name === 'nsInspector.autoRefreshInterval')!;
  assert.equal(interval.minimum, 0);
  assert.match(interval.description ?? '', /at least 1 second/);
});
