import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installArgv, installPlan, installPreview, HELPER_POLICY, SUDOERS_PATH, POLKIT_POLICY_PATH } from '../../src/core/helper/installPlan';
import { HELPER_POLICY_PATH } from '../../src/core/helper/policyRefusal';

describe('install plan and preview', () => {
  const request = { installPath: '/usr/local/libexec/nsinspect-helper', helperContent: '#!/bin/sh\necho hi\n', user: 'alice', extras: [] as ('sudoers' | 'polkit')[] };

  it('writes the helper root-owned 0755, and with extras a sudoers rule and a polkit policy for that one file', () => {
    assert.deepEqual(installPlan(request).files.map((f) => [f.path, f.mode]), [['/usr/local/libexec/nsinspect-helper', '0755']]);
    const files = installPlan({ ...request, extras: ['sudoers', 'polkit'] }).files;
    assert.deepEqual(files.map((f) => [f.path, f.mode]), [['/usr/local/libexec/nsinspect-helper', '0755'], [SUDOERS_PATH, '0440'], [POLKIT_POLICY_PATH, '0644'], [HELPER_POLICY_PATH, '0644']]);
    assert.match(files[1].content, /^alice ALL=\(root\) NOPASSWD: \/usr\/local\/libexec\/nsinspect-helper$/m);
    assert.match(files[2].content, /<annotate key="org.freedesktop.policykit.exec.path">\/usr\/local\/libexec\/nsinspect-helper<\/annotate>/);
  });

  it('the preview shows every path, mode, owner and the full content, the helper policy too', () => {
    const preview = installPreview(installPlan({ ...request, extras: ['sudoers'] }));
    assert.match(preview, /=== \/usr\/local\/libexec\/nsinspect-helper {2}\(mode 0755, owner root:root\)/);
    assert.match(preview, /echo hi/);
    assert.match(preview, /=== \/etc\/sudoers\.d\/nsinspect-helper {2}\(mode 0440/);
    assert.match(preview, /=== \/etc\/nsinspect\/helper-policy {2}\(mode 0644, owner root:root\)/);
    for (const line of ['others_namespaces=no', 'host_changes=no', 'host_prefixes=', 'host_capture=no', 'netns_quota=8']) assert.ok(preview.split('\n').includes(line), line);
  });

  it('the policy written is the helper\'s own defaults, each one a setting the helper reads', () => {
    const helper = readFileSync('helper/nsinspect-helper', 'utf8');
    const settings = HELPER_POLICY.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.equal(settings.length, 5);
    for (const setting of settings) assert.ok(helper.includes(`#   ${setting.padEnd(22)}`) || helper.includes(`#   ${setting} `), `the helper's header lists ${setting} as a default`);
  });

  it('refuses an install path or user name that could break the rule', () => {
    for (const installPath of ['relative/helper', '/usr/local/a b', '/usr/../tmp/x', '/x,y', '/a:b', '/usr/bin/env#/x', '/usr/local/bin/*', '/usr/local/bin/nsi?', '/usr/local/bin/[ab]', '/a\tb', '/a\nb', '/a=b', '/a\\b', '/usr/local//x', '/usr/./x', '/', '/usr/local/', '/usr/local/é', '/a!b', '/a$b', '/a%b']) {
      assert.throws(() => installPlan({ ...request, installPath }), /install path/, JSON.stringify(installPath));
    }
    assert.equal(installPlan({ ...request, installPath: '/opt/nsi_2/bin/nsinspect-helper.v2' }).files[0].path, '/opt/nsi_2/bin/nsinspect-helper.v2');
    assert.throws(() => installPlan({ ...request, user: 'ALL ALL=(ALL) NOPASSWD: ALL\n#', extras: ['sudoers'] }), /user name/);
  });

  it('a sudoers rule is checked where only root can change it, and only that checked copy is installed', () => {
    const dir = mkdtempSync('/tmp/nsi-helper-policy-install-');
    try {
      const [, sudoers] = installPlan({ ...request, extras: ['sudoers'] }).files;
      const target = join(dir, 'sudoers.d', 'nsinspect-helper');
      const tools = { sh: '/bin/sh', install: '/usr/bin/install', visudo: '/usr/sbin/visudo' };
      const staged = join(dir, 'staged');
      // The argv run as root: a copy next to the target under a name sudo skips ('.'), the check, the rename.
      writeFileSync(staged, sudoers.content);
      const argv = installArgv({ ...sudoers, path: target }, staged, tools);
      assert.deepEqual(argv.slice(3), ['nsinspect-install', '/usr/bin/install', '/usr/sbin/visudo', staged, target, '0440']);
      assert.match(argv[2], /"\$install_" -D -o root -g root -m "\$mode" "\$staged" "\$target\.new"; if "\$visudo" -c -q -f "\$target\.new"; then mv -f "\$target\.new" "\$target"; else rm -f "\$target\.new"; exit 1; fi/);
      execFileSync(argv[0], argv.slice(1));
      assert.equal(readFileSync(target, 'utf8'), sudoers.content);
      assert.equal(execFileSync('stat', ['-c', '%U %a', target], { encoding: 'utf8' }).trim(), 'root 440');
      // A rule visudo refuses is not installed, and its copy is gone.
      writeFileSync(staged, 'alice ALL=(root) NOPASSWD: /usr/bin/env#/x\nthis is not sudoers\n');
      assert.throws(() => execFileSync(argv[0], argv.slice(1), { stdio: 'pipe' }));
      assert.equal(readFileSync(target, 'utf8'), sudoers.content);
      assert.deepEqual(execFileSync('ls', ['-A', join(dir, 'sudoers.d')], { encoding: 'utf8' }).trim(), 'nsinspect-helper');
      // Other files: one install, no check.
      assert.deepEqual(installArgv({ path: '/etc/nsinspect/helper-policy', mode: '0644', content: '', why: '' }, staged, tools), ['/usr/bin/install', '-D', '-o', 'root', '-g', 'root', '-m', '0644', staged, '/etc/nsinspect/helper-policy']);
      assert.throws(() => installArgv(sudoers, staged, { sh: '/bin/sh', install: '/usr/bin/install' }), /visudo is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
