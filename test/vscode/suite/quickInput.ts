// Answering the extension's quick picks and input boxes from the extension host, as a keyboard
// user would: move the active item down, then accept. The extension host cannot see whether a
// quick input is open, so each answer first waits until the caller's signal says it was asked
// (or a settle time has passed) and then until VS Code had time to render it.
import * as vscode from 'vscode';

/** Time for a quick input the extension asked for to be shown by the workbench. */
const RENDER_MS = Number(process.env.NSI_QUICK_INPUT_MS) || 800;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Picks the item `down` rows below the first active one (0: the first) and accepts. */
export async function answerQuickPick(down = 0, shown?: Promise<unknown>): Promise<void> {
  if (shown) await shown;
  await sleep(RENDER_MS);
  for (let i = 0; i < down; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Accepts an input box (or a multi-select quick pick) as it is shown: its default value or checked items. */
export async function acceptQuickInput(shown?: Promise<unknown>): Promise<void> {
  if (shown) await shown;
  await sleep(RENDER_MS);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Closes whatever quick input is open (after a test failed half-way through a dialogue). */
export async function closeQuickInput(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

/** The next value an event fires. */
export function nextEvent<T>(event: vscode.Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      subscription.dispose();
      resolve(value);
    });
  });
}
