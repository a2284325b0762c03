// Answering the extension's quick picks and input boxes from the extension host, as a keyboard
// user would: move the active row down, then accept. The extension host cannot see the
// workbench, so instead of waiting a fixed time for a quick input to show, an answer relies on:
// - Order: the messages between the extension host and the workbench keep their order, and the
//   workbench applies a quick input the extension shows as it arrives. An answer sent after the
//   caller showed its quick input finds it there, with its rows.
// - One message: an answer is one `runCommands` ("next row" N times, then accept), which the
//   workbench runs back to back. It finds the quick input whole or not at all; without one it
//   does nothing.
// When has the caller shown it? When it says so (CallerIdentity.onDidAsk fires as its pick
// shows), or, for a caller that shows the next quick input straight after the last step (no file,
// process or timer in between), once `settled()` has made a round trip through the workbench.
// The last answer of a dialogue is repeated until the caller's outcome (its command's promise)
// settles: a repeat meets either the quick input that was not shown yet or none (the answer
// closed it), never a later one, since nothing asks again before that outcome.
import * as vscode from 'vscode';
import { waitFor } from '../../integration/support/namespaces';

/** Time between repeats of a last answer while its outcome has not settled. */
const REPEAT_MS = 100;
/** How long a last answer is repeated before the test fails. */
const ANSWER_TIMEOUT_MS = 20_000;

/**
 * Picks the row `down` below the active one (0: the active one) and accepts. With `outcome`,
 * the dialogue's last answer: repeated until the outcome settles.
 */
export async function answerQuickPick(down = 0, outcome?: Thenable<unknown>): Promise<void> {
  const commands = [...Array<string>(down).fill('workbench.action.quickOpenSelectNext'), 'workbench.action.acceptSelectedQuickOpenItem'];
  await answer(() => vscode.commands.executeCommand('runCommands', { commands }), outcome);
}

/** Accepts an input box (or a multi-select quick pick) as it is shown: its value or checked rows. */
export async function acceptQuickInput(outcome?: Thenable<unknown>): Promise<void> {
  await answerQuickPick(0, outcome);
}

/** Closes the quick input the caller shows (Escape), repeated until its `outcome` settles. */
export async function dismissQuickInput(outcome: Thenable<unknown>): Promise<void> {
  await answer(closeQuickInput, outcome);
}

/** Closes whatever quick input is open (after a test failed half-way through a dialogue). */
export async function closeQuickInput(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

/**
 * Returns once the workbench has handled every message the extension host sent so far, and the
 * extension host every answer the workbench sent before that (and what those answers started,
 * up to its next wait for a file, a process or a timer).
 */
export async function settled(): Promise<void> {
  await vscode.commands.executeCommand('noop');
  await new Promise((resolve) => setImmediate(resolve));
}

async function answer(send: () => Thenable<unknown>, outcome: Thenable<unknown> | undefined): Promise<void> {
  await settled();
  await send();
  if (!outcome) return;
  let done = false;
  const finished = Promise.resolve(outcome).then(
    () => (done = true),
    () => (done = true),
  );
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  for (;;) {
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, REPEAT_MS))]);
    if (done) return;
    if (Date.now() > deadline) throw new Error(`no outcome ${ANSWER_TIMEOUT_MS / 1000} s after answering the quick input`);
    await send();
  }
}

/**
 * Returns once `terminal`, which the extension just opened and showed, has the focus: the
 * workbench focuses a new terminal when it is drawn, and a quick input shown before that closes
 * as the focus leaves it. Focusing the terminal again settles after that same moment, and after
 * the workbench's own focusing, which was queued first.
 */
export async function terminalFocused(terminal: vscode.Terminal): Promise<void> {
  await waitFor('the terminal to be the active one', () => (vscode.window.activeTerminal === terminal ? true : undefined), 10_000);
  await vscode.commands.executeCommand('workbench.action.terminal.focus');
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
