// Starts and stops the VS Code server from the provisioned cache. Used by the extension-host
// suite, the browser tests and `npm start`, so they all run the same VS Code the same way.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerInstall } from './versions';
import { freePort } from './freePort';
import { writeUserSettings } from './settings';
import { onCleanup } from './cleanup';
import { signalGroup, stopGroup } from './processGroup';

export interface ServerOptions {
  install: ServerInstall;
  /** Holds user-data, server-data and extensions folders, and the server log. */
  stateDir: string;
  /**
   * The secret a browser must present (?tkn=). Omit only in tests: without it anyone on the
   * machine who finds the port gets a shell through the server.
   */
  connectionToken?: string;
  /** A fixed port; a free one is picked when omitted. */
  port?: number;
  /** Lets the payload URL parameter load a development extension and a test suite. */
  smokeTestDriver?: boolean;
  /** Extra environment for the server and so for the extension host it forks. */
  env?: NodeJS.ProcessEnv;
  /** User settings to start with (see settings.ts). */
  settings?: Record<string, unknown>;
  /**
   * Runs the server (and so the extension host) as this non-root user through setpriv, e.g. to
   * see the view a desktop user sees. stateDir and install must be readable (writable) by it.
   */
  user?: { uid: number; gid: number };
}

export interface RunningServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  extensionsDir: string;
  logFile: string;
  /** The workbench URL opening `folder`, with the token and any extra query parameters. */
  workbenchUrl(folder: string, extra?: Record<string, string>): string;
  /** Settles with the exit code (or signal) if the server ends without stop() being called. */
  died: Promise<number | string | null>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export function serverDirs(stateDir: string) {
  return {
    userDataDir: join(stateDir, 'user-data'),
    serverDataDir: join(stateDir, 'server-data'),
    extensionsDir: join(stateDir, 'extensions'),
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { install, stateDir, connectionToken } = options;
  const dirs = serverDirs(stateDir);
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  if (options.settings) writeUserSettings(dirs.userDataDir, options.settings);
  const port = options.port ?? (await freePort());
  const args = [
    install.serverMain,
    ...['--host', '127.0.0.1', '--port', String(port)],
    ...tokenArgs(stateDir, connectionToken),
    ...(options.smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    '--disable-workspace-trust',
    '--accept-server-license-terms',
    '--disable-telemetry',
    ...['--user-data-dir', dirs.userDataDir, '--server-data-dir', dirs.serverDataDir, '--extensions-dir', dirs.extensionsDir],
  ];
  const logFile = join(stateDir, 'server.log');
  const log = createWriteStream(logFile);
  const user = options.user;
  const command = user ? ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--inh-caps=-all', '--', install.node, ...args] : [install.node, ...args];
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, ...serverTmpDir(stateDir), ...options.env, ...(user ? { HOME: stateDir } : {}), PATH: `${install.nodeBinDir}:${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stop() ends the server and everything it forked
  });
  for (const stream of [child.stdout, child.stderr]) stream.pipe(log, { end: false });
  let stopping = false;
  const died = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (!stopping) resolve(code ?? signal);
    }),
  );
  const stop = () => {
    stopping = true;
    return stopGroup(child);
  };
  onCleanup(stop, () => signalGroup(child, 'SIGKILL'));

  const origin = `http://127.0.0.1:${port}`;
  const tokenQuery: Record<string, string> = connectionToken ? { tkn: connectionToken } : {};
  await waitUntilServing(origin, child, logFile);
  return {
    port,
    origin,
    extensionsDir: dirs.extensionsDir,
    logFile,
    workbenchUrl: (folder, extra = {}) => `${origin}/?${new URLSearchParams({ ...tokenQuery, folder, ...extra })}`,
    died,
    stop,
  };
}

/**
 * The server leaves its IPC sockets (vscode-ipc-*.sock) in the temp folder when it is stopped;
 * point TMPDIR into the state folder so they go away with it. Only when the path stays short:
 * a Unix socket path must fit in 108 bytes.
 */
function serverTmpDir(stateDir: string): NodeJS.ProcessEnv {
  const dir = join(stateDir, 'tmp');
  if (dir.length > 48) return {};
  mkdirSync(dir, { recursive: true });
  return { TMPDIR: dir };
}

function tokenArgs(stateDir: string, token: string | undefined): string[] {
  if (!token) return ['--without-connection-token'];
  // A file, not an argument: command lines are visible to every user in /proc.
  const tokenFile = join(stateDir, 'connection-token');
  writeFileSync(tokenFile, token, { mode: 0o600 });
  return ['--connection-token-file', tokenFile];
}

async function waitUntilServing(origin: string, child: ReturnType<typeof spawn>, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode) {
      throw new Error(`VS Code server exited (${child.exitCode ?? child.signalCode}) before serving; see ${logFile}`);
    }
    try {
      // Any HTTP answer means it listens (without the token it answers 401/403).
      await fetch(origin, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`VS Code server did not answer on ${origin} within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
}
