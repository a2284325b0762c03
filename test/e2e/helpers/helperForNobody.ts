// What a desktop user with a sudoers rule for the helper has: the helper installed root-owned in
// a temporary folder (for nsInspector.helper.installPath) and a rule that lets nobody run that
// one file without a password (`sudo -n`), and any other programs given (absolute paths: the
// extension-host suite that runs as nobody lets it run unshare and nsenter, as a user in the
// sudo group can). remove() takes both away again.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HELPER } from '../../integration/support/helperRun';

export class HelperForNobody {
  private readonly dir = mkdtempSync('/tmp/nsi-e2e-helper-');
  readonly installed = join(this.dir, 'nsinspect-helper');
  private readonly rule = `/etc/sudoers.d/nsi-e2e-${randomBytes(4).toString('hex')}`;

  constructor(private readonly alsoAllowed: readonly string[] = []) {}

  install(): void {
    chmodSync(this.dir, 0o755);
    copyFileSync(HELPER, this.installed);
    chmodSync(this.installed, 0o755);
    const staged = join(this.dir, 'rule');
    writeFileSync(staged, `nobody ALL=(root) NOPASSWD: ${[this.installed, ...this.alsoAllowed].join(', ')}\n`, { mode: 0o440 });
    execFileSync('visudo', ['-c', '-q', '-f', staged]);
    execFileSync('install', ['-m', '0440', staged, this.rule]);
    rmSync(staged);
  }

  remove(): void {
    rmSync(this.rule, { force: true });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
