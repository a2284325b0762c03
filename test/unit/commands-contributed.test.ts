// Static check, no VS Code needed: the commands package.json contributes are exactly the ones the
// extension registers, and all registration goes through registerCommands.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/extension/commands/commandIds';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
const registered: string[] = Object.values(COMMAND_IDS);
const extensionDir = join(root, 'src', 'extension');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('every command contributed in package.json has a registered handler', () => {
  assert.deepEqual(contributed.filter((id) => !registered.includes(id)), []);
});

test('every registered command is contributed in package.json', () => {
  assert.deepEqual(registered.filter((id) => !contributed.includes(id)), []);
});

test('registerCommands.ts maps a handler for every command id', () => {
  const source = readFileSync(join(extensionDir, 'registerCommands.ts'), 'utf8');
  const missing = Object.keys(COMMAND_IDS).filter((key) => !source.includes(`[COMMAND_IDS.${key}]:`));
  assert.deepEqual(missing, []);
});

test('no command is registered outside registerCommands.ts', () => {
  const offenders = sourceFiles(extensionDir).filter(
    (file) => !file.endsWith('registerCommands.ts') && /\bregister(TextEditor)?Command\(/.test(readFileSync(file, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('command ids follow nsInspector.<area>.<verb>', () => {
  assert.deepEqual(registered.filter((id) => !/^nsInspector\.[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(id)), []);
});

test('menus and views welcome only refer to contributed commands', () => {
  const menuCommands: string[] = Object.values(manifest.contributes.menus ?? {}).flatMap((items) =>
    (items as Array<{ command?: string }>).map((item) => item.command ?? ''),
  );
  const welcomeCommands: string[] = (manifest.contributes.viewsWelcome ?? []).flatMap((w: { contents: string }) =>
    [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]),
  );
  assert.deepEqual([...menuCommands, ...welcomeCommands].filter((id) => id && !contributed.includes(id)), []);
});
