// "Create Network Namespace...": `ip netns add NAME` through the helper (the name checked first),
// then the tree shows and selects it. A name may be passed as a string or {name} (tests,
// keybindings); else it is asked. Returns {ok, message}.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { checkNetnsName } from '../../../core/helper/helperRules';
import type { CommandContext, CommandFactory } from '../commandContext';
import { act, failed, type ActionResult } from './networkAction';
import { inputProblem } from './inputProblem';
import { objectArg } from './netnsArgs';
import { revealNetns } from './revealNetns';

export const createNetns: CommandFactory = (ctx) => async (arg?: unknown) => {
  const named = objectArg(arg).name;
  const name = typeof arg === 'string' ? arg : typeof named === 'string' ? named : undefined;
  const result = await createNamespace(ctx, name);
  if (result.ok) await revealNetns(ctx, result.name);
  return result;
};

async function createNamespace(ctx: CommandContext, name: string | undefined): Promise<ActionResult> {
  const given = name ?? (await vscode.window.showInputBox({
    title: 'Create Network Namespace',
    prompt: 'Name for `ip netns` (1–64 of A-Z a-z 0-9 _ . -)',
    value: `ns-${Math.floor(Math.random() * 1e4)}`,
    validateInput: (value) => (value === '' ? undefined : (inputProblem(() => checkNetnsName(value), true) ?? (fs.existsSync(`/run/netns/${value}`) ? `"${value}" exists already` : undefined))),
  }));
  if (given === undefined || given === '') return failed(ctx, 'Cancelled: no namespace was created.', false);
  const bad = inputProblem(() => checkNetnsName(given));
  if (bad) return failed(ctx, bad);
  if (fs.existsSync(`/run/netns/${given}`)) return failed(ctx, `A network namespace named "${given}" exists already: nothing was changed.`);
  return act(ctx, `Creating network namespace "${given}"`, () => ctx.helper.addNetns(given), `Network namespace "${given}" created.`, given);
}
