import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyRefusal, policyRefusalMessage } from '../../src/core/helper/policyRefusal';
import { HELPER_EXIT, helperExitName } from '../../src/core/helper/exitCodes';

// The helper's own lines, as helper/nsinspect-helper prints them (see test/integration/helperPolicy.test.ts).
const HOST = "nsinspect-helper: refused by policy (rule host_changes): UID 1000 may not change host interfaces; an admin can allow it with host_changes=yes in /etc/nsinspect/helper-policy\n";
const OTHERS = "nsinspect-helper: refused by policy (rule others_namespaces): UID 1000 does not own netns:ci (its owner is UID 0); an admin can allow it with others_namespaces=yes in /etc/nsinspect/helper-policy\n";

describe('a refusal by the helper\'s policy, as the user is told', () => {
  it('has its own exit code', () => {
    assert.equal(HELPER_EXIT.policyRefused, 78);
    assert.equal(helperExitName(78), 'policyRefused');
  });

  it('names the rule that refused, why, and the setting an admin changes in the policy file', () => {
    const refusal = parsePolicyRefusal(HOST);
    assert.deepEqual(refusal, { rule: 'host_changes', why: 'UID 1000 may not change host interfaces', allowWith: 'host_changes=yes' });
    assert.equal(
      policyRefusalMessage('Bring Down failed', refusal!),
      "Bring Down failed: the helper's policy refused it (rule host_changes): UID 1000 may not change host interfaces. An administrator can allow it with host_changes=yes in /etc/nsinspect/helper-policy.",
    );
    assert.match(policyRefusalMessage('Delete failed', parsePolicyRefusal(OTHERS)!), /\(rule others_namespaces\): UID 1000 does not own netns:ci \(its owner is UID 0\)\. An administrator can allow it with others_namespaces=yes in \/etc\/nsinspect\/helper-policy\.$/);
  });

  it('finds the refusal after a warning about an ignored policy file', () => {
    const stderr = `nsinspect-helper: ignoring the policy: /etc/nsinspect/helper-policy is writable by group or others (the strict defaults apply)\n${HOST}`;
    assert.equal(parsePolicyRefusal(stderr)?.rule, 'host_changes');
  });

  it('is not made up from other text: an unknown rule, another message, or another file', () => {
    for (const stderr of ['', 'nsinspect-helper: invalid interface name', HOST.replace('host_changes)', 'make_me_root)'), HOST.replace('/etc/nsinspect/helper-policy', '/tmp/policy')]) {
      assert.equal(parsePolicyRefusal(stderr), undefined, JSON.stringify(stderr));
    }
  });
});
