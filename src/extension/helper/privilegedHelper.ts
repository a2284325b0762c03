// The one way the extension runs anything as root: a HelperRequest goes in, the helper runs
// through the elevation the setting chooses (pkexec, sudo -n, sudo with a password typed in a
// terminal, or directly as root; who the caller is comes from core/exec/callerPrivilege.ts), runs
// through the one runner (core/exec/runTool.ts) and every call is written to the log (argv, exit
// code, duration). Only a helper that is root-owned, writable by nobody else and identical to the
// shipped one is ever run.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { findExecutable } from '../../core/exec/findExecutable';
import { shellJoin } from '../../core/exec/shellQuote';
import { helperArgv, type HelperRequest } from '../../core/helper/helperArgv';
import { planElevation, type ElevationPlan } from '../../core/helper/elevation';
import { callerUid } from '../../core/exec/callerPrivilege';
import { checkHelperTrust, sha256Of, type HelperTrust } from '../../core/helper/helperTrust';
import { helperExitName, HELPER_EXIT } from '../../core/helper/exitCodes';
import { spawnHelper, type HelperProcessResult } from '../../core/helper/spawnHelper';
import { startProgram } from '../../core/exec/runTool';
import type { NetTarget } from '../../core/helper/netTarget';
import { askSudoPassword } from './sudoPasswordTerminal';
import { readHelperSettings, type HelperSettings } from './helperSettings';

export { DEFAULT_INSTALL_PATH, readHelperSettings, type HelperSettings } from './helperSettings';

/** A helper call that did not succeed; `trust` is set when the helper itself was refused. */
export class HelperError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | undefined,
    readonly stderr: string,
    readonly trust?: Exclude<HelperTrust, { ok: true }>,
  ) {
    super(message);
    this.name = 'HelperError';
  }
}

/** A running capture: the pcap arrives on `pcap`; stop() ends it (closing the helper's stdin). */
export interface HelperCapture {
  readonly pcap: NodeJS.ReadableStream;
  readonly done: Promise<HelperProcessResult>;
  stop(): Promise<HelperProcessResult>;
}

export class PrivilegedHelper {
  private sudoQuietChecked: { path: string; ok: boolean } | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** The helper shipped in the extension (helper/nsinspect-helper). */
    readonly shippedPath: string,
    private readonly settings: () => HelperSettings = readHelperSettings,
  ) {}

  static forExtension(log: vscode.LogOutputChannel, extensionPath: string): PrivilegedHelper {
    return new PrivilegedHelper(log, path.join(extensionPath, 'helper', 'nsinspect-helper'));
  }

  get shippedSha256(): string {
    return sha256Of(this.shippedPath);
  }

  /**
   * The helper file to run: the installed one when it is there (it must pass the checks); as
   * root without one, the shipped one (which must pass the same checks).
   */
  helperPath(): { path: string; trust: HelperTrust } {
    const installed = this.settings().installPath;
    const trust = checkHelperTrust(installed, this.shippedSha256);
    if (trust.ok || trust.reason !== 'missing' || callerUid() !== 0) return { path: installed, trust };
    return { path: this.shippedPath, trust: checkHelperTrust(this.shippedPath, this.shippedSha256) };
  }

  /** Runs one verb; resolves with the helper's output on exit 0, rejects with HelperError otherwise. */
  async run(request: HelperRequest, options: { signal?: AbortSignal } = {}): Promise<HelperProcessResult> {
    const args = helperArgv(request);
    const helper = this.trustedHelper();
    const plan = await this.plan(helper, options.signal);
    const result = await this.execute(plan, [helper, ...args], options.signal);
    if (result.exitCode !== HELPER_EXIT.ok) {
      const why = result.stderr.trim().replace(/^nsinspect-helper: /, '') || helperExitName(result.exitCode);
      throw new HelperError(`${request.verb} failed: ${why}`, result.exitCode, result.stderr);
    }
    return result;
  }

  /** Network action shorthands the commands (and other features) use. */
  addNetns(name: string): Promise<HelperProcessResult> {
    return this.run({ verb: 'netns-add', name });
  }

  deleteNetns(name: string): Promise<HelperProcessResult> {
    return this.run({ verb: 'netns-del', name });
  }

  setLink(target: NetTarget, ifName: string, state: 'up' | 'down'): Promise<HelperProcessResult> {
    return this.run({ verb: 'link-set', target, ifName, state });
  }

  /** Whether a call would run without asking anyone (root, or a sudoers rule): auto-refresh may use it then. */
  async runsWithoutPrompt(): Promise<boolean> {
    try {
      const plan = await this.plan(this.trustedHelper());
      return plan.kind === 'direct' || (plan.kind === 'prefix' && plan.label === 'sudo -n');
    } catch {
      return false;
    }
  }

  /**
   * Runs one fixed system program as root, for the installer only (which has no helper to go
   * through yet): the same elevation and the same audit line.
   */
  async runElevatedForInstall(argv: string[]): Promise<HelperProcessResult> {
    // No sudo -n probe here: a sudoers rule covers the helper only, so sudo asks for a password.
    const result = await this.execute(await this.plan(undefined), argv, undefined, false);
    if (result.exitCode !== 0) throw new HelperError(`${argv[0]} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`, result.exitCode, result.stderr);
    return result;
  }

  /**
   * Starts a packet capture (pcap on stdout until stop()). Needs an elevation that gives us the
   * helper's stdout: root, pkexec or sudo -n (not the password terminal). `signal` cancels the
   * start only (a cancellation error); a started capture ends through stop().
   */
  async capture(target: NetTarget, ifName: string, signal?: AbortSignal): Promise<HelperCapture> {
    const args = helperArgv({ verb: 'capture', target, ifName });
    const helper = this.trustedHelper();
    const plan = await this.plan(helper, signal);
    signal?.throwIfAborted();
    if (plan.kind === 'refused') throw new HelperError(plan.message, undefined, '');
    if (plan.kind === 'sudoTerminal') throw new HelperError('A capture needs pkexec, a sudo rule (sudo -n) or root; sudo with a password cannot stream it.', undefined, '');
    const argv = plan.kind === 'direct' ? ['/bin/sh', helper, ...args] : [...plan.argv, helper, ...args];
    const running = await startProgram(argv);
    this.log.info(`helper: ${shellJoin(argv)} started (pid ${running.pid})`);
    const done = running.done.then((result) => {
      this.audit(argv, result);
      return result;
    });
    return {
      pcap: running.stdout,
      done,
      stop: () => {
        running.stdin.end();
        return done;
      },
    };
  }

  /** The helper path, or a HelperError that says why it may not run (and offers reinstalling). */
  private trustedHelper(): string {
    const { path: file, trust } = this.helperPath();
    if (!trust.ok) {
      this.log.warn(`helper refused: ${trust.message}`);
      throw new HelperError(trust.message, undefined, '', trust);
    }
    return file;
  }

  /** How to get root; with a helper path, whether sudo -n may run it is checked too. */
  private async plan(helper: string | undefined, signal?: AbortSignal): Promise<ElevationPlan> {
    const { elevation } = this.settings();
    const sudo = findExecutable('sudo');
    const facts = {
      mode: elevation,
      uid: callerUid(),
      pkexec: findExecutable('pkexec'),
      sudo,
      graphicalSession: !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
      sudoWithoutPassword: false,
    };
    if (helper && facts.uid !== 0 && sudo && elevation !== 'none' && elevation !== 'pkexec') facts.sudoWithoutPassword = await this.sudoQuiet(sudo, helper, signal);
    return planElevation(facts);
  }

  /** Whether a sudoers rule lets us run the helper without a password (asked once per helper path). */
  private async sudoQuiet(sudo: string, helper: string, signal?: AbortSignal): Promise<boolean> {
    if (this.sudoQuietChecked?.path !== helper) {
      const result = await spawnHelper([sudo, '-n', '--', helper, 'version'], { timeoutMs: 10_000, signal }).catch(() => undefined);
      signal?.throwIfAborted();
      this.sudoQuietChecked = { path: helper, ok: result?.exitCode === 0 };
    }
    return this.sudoQuietChecked.ok;
  }

  private async execute(plan: ElevationPlan, argv: string[], signal?: AbortSignal, viaShell = true): Promise<HelperProcessResult> {
    let full: string[];
    let stdin: string | undefined;
    switch (plan.kind) {
      case 'refused':
        this.log.warn(`helper not run: ${plan.message}`);
        throw new HelperError(plan.message, undefined, '');
      case 'direct':
        // The helper through sh: a .vsix may not keep the shipped copy's executable bit.
        full = viaShell ? ['/bin/sh', ...argv] : argv;
        break;
      case 'prefix':
        full = [...plan.argv, ...argv];
        break;
      case 'sudoTerminal': {
        const password = await askSudoPassword(shellJoin(argv));
        if (password === undefined) throw new HelperError('Cancelled: no password was given to sudo.', undefined, '');
        full = [plan.sudo, '-S', '-k', '-p', '', '--', ...argv];
        stdin = `${password}\n`;
        break;
      }
    }
    const result = await spawnHelper(full, { stdin, signal });
    this.audit(full, result);
    return result;
  }

  private audit(argv: string[], result: HelperProcessResult): void {
    const line = `helper: ${shellJoin(argv)} → exit ${result.exitCode}${result.exitCode ? ` (${helperExitName(result.exitCode)})` : ''} in ${result.durationMs.toFixed(0)} ms`;
    if (result.exitCode === 0) this.log.info(line);
    else this.log.warn(`${line}: ${result.stderr.trim()}`);
  }
}
