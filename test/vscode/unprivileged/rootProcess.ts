// A process of root's for the tests of a user who is not root, started as such a user starts
// one: through sudo (the launcher's sudoers rule lets this suite's user run unshare). The user
// cannot signal root's process, but sudo hands on a SIGTERM it gets from the user to its command.
// And how that user gets to it in the Namespaces view: the privileged view.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { childPids, waitFor } from '../../integration/support/namespaces';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { DiscoveryResult } from '../../../src/core/model/result';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';

export class RootProcess {
  private readonly sudo: ChildProcess;
  private readonly exited: Promise<void>;
  private stderr = '';

  /** Runs `argv` as root: `sudo -n -- argv` (no password prompt: the rule allows it). */
  constructor(argv: string[]) {
    this.sudo = spawn('sudo', ['-n', '--', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.sudo.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.sudo.on('exit', () => resolve()));
  }

  /** The PID of the command once it runs `comm` (after its exec), as root. */
  async pid(comm: string): Promise<number> {
    return waitFor(`root's ${comm} under sudo`, () => {
      if (this.sudo.exitCode !== null) throw new Error(`sudo ended (${this.sudo.exitCode}): ${this.stderr.trim()}`);
      return childPids(this.sudo.pid!).find((pid) => commOf(pid) === comm && uidOf(pid) === 0);
    }, 10_000);
  }

  /** Ends the command (SIGTERM through sudo) and waits until sudo has exited. */
  async stop(): Promise<void> {
    if (this.sudo.exitCode === null && this.sudo.signalCode === null) this.sudo.kill('SIGTERM');
    await this.exited;
  }
}

function commOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function uidOf(pid: number): number | undefined {
  try {
    return Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

/**
 * The tree node of root's process `pid` (under its UTS namespace). This user sees root's
 * processes only in the privileged view, read through the helper: the launcher installs it and
 * lets this user run it with `sudo -n`.
 */
export async function privilegedNodeOf(api: NamespaceInspectorApi, pid: number): Promise<string> {
  const result = await vscode.commands.executeCommand<DiscoveryResult | undefined>('nsInspector.view.showAllPrivileged');
  assert.ok(result?.privileged, 'Show All Namespaces (privileged) read through the helper');
  const uts = result.processes.get(pid)?.namespaces.uts;
  assert.ok(uts, `root's process ${pid} is in the privileged view`);
  const nodeId = processNodeId(namespaceNodeId({ dev: result.nsfsDev, ino: uts }), pid);
  for (let tries = 0; !api.namespacesView.snapshot?.node(nodeId); tries++) {
    assert.ok(tries < 20, 'the process never showed in the tree');
    await vscode.commands.executeCommand('nsInspector.view.refresh');
  }
  return nodeId;
}
