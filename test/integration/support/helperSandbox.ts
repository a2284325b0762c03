// A throwaway world for running the helper as `nobody` through a REAL sudoers rule without
// touching the host: a process in a new mount and network namespace holds them, with a private
// tmpfs on /run (so /run/netns, /run/nsinspect and sudo's state are the sandbox's own) and an
// overlay on /etc whose changes land in that tmpfs (so /etc/sudoers.d and /etc/nsinspect are
// too). The helper is installed root-owned at /run/nsi-sandbox/nsinspect-helper and the sudoers
// rule names that one file. Everything is gone when stop() kills the holder.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { HELPER } from './helperRun';

export const SANDBOX_HELPER = '/run/nsi-sandbox/nsinspect-helper';
export const NOBODY = 65534;

/** What sudo keeps of the caller's environment in the test rule: what a desktop's rule might, and the helper's own markers (a forgery attempt). */
const KEPT = 'DISPLAY XAUTHORITY DBUS_SESSION_BUS_ADDRESS NSI_CLEAN NSI_CALLER_UID';

const PRELUDE = `set -eu
mount -t tmpfs -o mode=0755 nsi-helper-policy /run
mkdir -p /run/netns /run/nsi-sandbox/etc-upper /run/nsi-sandbox/etc-work
mount -t overlay nsi-helper-policy -o lowerdir=/etc,upperdir=/run/nsi-sandbox/etc-upper,workdir=/run/nsi-sandbox/etc-work /etc
find /etc/sudoers.d -mindepth 1 -delete
rm -rf /etc/nsinspect
cat >${SANDBOX_HELPER}
chmod 0755 ${SANDBOX_HELPER}
printf '%s\\n' 'Defaults:nobody env_keep += "${KEPT}"' 'nobody ALL=(root) NOPASSWD: ${SANDBOX_HELPER}' >/etc/sudoers.d/nsi-helper-policy
chmod 0440 /etc/sudoers.d/nsi-helper-policy
visudo -c -q
ip link set lo up
echo ready
exec sleep 3600
`;

export interface SandboxRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export class HelperSandbox {
  private holder: ChildProcess | undefined;

  /** Starts the holder and waits until the sandbox is set up. */
  async start(): Promise<void> {
    const holder = spawn('unshare', ['--mount', '--net', '--propagation', 'private', '--', 'sh', '-c', PRELUDE], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.holder = holder;
    holder.stdin.end(readFileSync(HELPER));
    let stderr = '';
    holder.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      holder.on('exit', (code) => reject(new Error(`the sandbox did not start (exit ${code}): ${stderr}`)));
    });
  }

  /** The holder: a process whose network namespace is the sandbox's "host". */
  get holderPid(): number {
    return this.holder!.pid!;
  }

  stop(): void {
    if (this.holder?.exitCode === null) this.holder.kill('SIGKILL');
  }

  /** argv run inside the sandbox's namespaces, as root. */
  argv(command: string[]): string[] {
    return ['nsenter', `--target=${this.holder!.pid}`, '--mount', '--net', '--', ...command];
  }

  /** The helper as nobody through `sudo -n`, with ENV in nobody's environment; or as root, directly. */
  helperArgv(args: string[], options: { as?: 'root'; env?: Record<string, string> } = {}): string[] {
    return this.argv(this.helperCommand(args, options));
  }

  /** The same command, to run inside the sandbox under another (e.g. strace). */
  helperCommand(args: string[], options: { as?: 'root'; env?: Record<string, string> } = {}): string[] {
    if (options.as === 'root') return [SANDBOX_HELPER, ...args];
    const env = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${value}`);
    return ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--inh-caps=-all', 'env', ...env, 'sudo', '-n', SANDBOX_HELPER, ...args];
  }

  helper(args: string[], options: { as?: 'root'; env?: Record<string, string>; input?: string } = {}): SandboxRun {
    return this.sync(this.helperArgv(args, options), options.input);
  }

  /** A shell script run as root inside the sandbox. */
  sh(script: string): SandboxRun {
    return this.sync(this.argv(['sh', '-euc', script]));
  }

  spawn(argv: string[], options: SpawnOptions = {}): ChildProcess {
    return spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  }

  /** argv (from argv() or helperArgv()) run to its end. */
  sync(argv: string[], input = ''): SandboxRun {
    const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', input, timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }
}
