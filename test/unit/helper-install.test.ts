import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { installPlan, installPreview, SUDOERS_PATH, POLKIT_POLICY_PATH } from '../../src/core/helper/installPlan';

describe('install plan and preview', () => {
  const request = { installPath: '/usr/local/libexec/nsinspect-helper', helperContent: '#!/bin/sh\necho hi\n', user: 'alice', extras: [] as ('sudoers' | 'polkit')[] };

  it('writes the helper root-owned 0755, and with extras a sudoers rule and a polkit policy for that one file', () => {
    assert.deepEqual(installPlan(request).files.map((f) => [f.path, f.mode]), [['/usr/local/libexec/nsinspect-helper', '0755']]);
    const files = installPlan({ ...request, extras: ['sudoers', 'polkit'] }).files;
    assert.deepEqual(files.map((f) => [f.path, f.mode]), [['/usr/local/libexec/nsinspect-helper', '0755'], [SUDOERS_PATH, '0440'], [POLKIT_POLICY_PATH, '0644']]);
    assert.match(files[1].content, /^alice ALL=\(root\) NOPASSWD: \/usr\/local\/libexec\/nsinspect-helper$/m);
    assert.match(files[2].content, /<annotate key="org.freedesktop.policykit.exec.path">\/usr\/local\/libexec\/nsinspect-helper<\/annotate>/);
  });

  it('the preview shows every path, mode, owner and the full content', () => {
    const preview = installPreview(installPlan({ ...request, extras: ['sudoers'] }));
    assert.match(preview, /=== \/usr\/local\/libexec\/nsinspect-helper {2}\(mode 0755, owner root:root\)/);
    assert.match(preview, /echo hi/);
    assert.match(preview, /=== \/etc\/sudoers\.d\/nsinspect-helper {2}\(mode 0440/);
  });

  it('refuses an install path or user name that could break the rule', () => {
    for (const installPath of ['relative/helper', '/usr/local/a b', '/usr/../tmp/x', '/x,y', '/a:b']) assert.throws(() => installPlan({ ...request, installPath }), /install path/);
    assert.throws(() => installPlan({ ...request, user: 'ALL ALL=(ALL) NOPASSWD: ALL\n#', extras: ['sudoers'] }), /user name/);
  });
});
