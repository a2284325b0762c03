// What running the VS Code server as an unprivileged user (nobody) takes, for the tests of what a
// desktop user gets: the cached server lives under root's 0700 home, so such a user runs a
// hard-linked copy of it from a folder it can read (links, not copies: a second and no extra
// space; it cannot write them), and owns the state folder it runs in.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerInstall } from './versions';

export const NOBODY = { uid: 65534, gid: 65534 };

export interface ServerCopy {
  install: ServerInstall;
  remove(): void;
}

/** A hard-linked copy of the cached server in a temporary folder others can read. */
export function serverCopyForOthers(cached: ServerInstall): ServerCopy {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-server-copy-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    chmodSync(dir, 0o755); // mkdtemp makes it 0700
    const root = join(dir, 'server');
    execFileSync('cp', ['-al', cached.root, root]);
    return { install: relocated(cached, root), remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The same install at another root. */
function relocated(install: ServerInstall, root: string): ServerInstall {
  const move = (path: string) => join(root, path.slice(install.root.length));
  return {
    root,
    marker: move(install.marker),
    node: move(install.node),
    nodeBinDir: move(install.nodeBinDir),
    vscodeDir: move(install.vscodeDir),
    serverMain: move(install.serverMain),
  };
}

/**
 * Machine settings, where machine-scoped settings (nsInspector.helper.*) are read from: a
 * workspace cannot set them, and a test sets them here before the server starts.
 */
export function writeMachineSettings(userDataDir: string, settings: Record<string, unknown>): void {
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Hands a state folder to `user` (never the hard-linked server: that would chown the cache). */
export function chownTree(path: string, user: { uid: number; gid: number }): void {
  chownSync(path, user.uid, user.gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), user);
}
