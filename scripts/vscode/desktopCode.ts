// A desktop VS Code on this machine, found as `code` on PATH.
import { spawnSync } from 'node:child_process';

export function desktopCodeOnPath(): boolean {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function installIntoDesktopCode(vsix: string): void {
  const result = spawnSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`code --install-extension ${vsix} failed (exit ${result.status})`);
}
