// What the view says about a container: names whole, engine strings escaped, the filter finding
// names, images and pods. Engine strings here are the attacks: Markdown, HTML, links, newlines,
// direction overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerDescription, containerLabel, containerText, containerTooltip } from '../../src/core/tree/containerText';
import { compileFilter } from '../../src/core/tree/treeFilter';
import type { ContainerRef } from '../../src/core/model/container';
import type { ProcessInfo } from '../../src/core/model/process';

const ID = '3f2a1b9c0d12'.padEnd(64, 'a');
const hostile: ContainerRef = {
  engine: 'docker',
  id: ID,
  facts: {
    name: 'web](javascript:alert(1)) **x**\n<img src=x onerror=alert(1)>\u202egnp.exe',
    image: 'evil`` ` image',
    state: 'running',
    labels: { 'a\nb': '<script>' },
    podName: 'shop-pod',
  },
  sharesWithHost: ['net', 'user'],
  evidence: 'cgroup',
};

test('the label is the whole name, one line, no direction override', () => {
  const label = containerLabel(hostile);
  assert.ok(!/[\n\u202e]/.test(label));
  assert.ok(label.startsWith('web](javascript:alert(1)) **x**\\n<img'), label);
});

test('a container no engine named shows engine and short id', () => {
  assert.equal(containerText({ engine: 'podman', id: ID }), 'podman 3f2a1b9c0d12');
  assert.equal(containerLabel({ engine: 'podman', id: ID }), 'podman 3f2a1b9c0d12');
  assert.equal(containerLabel({ engine: 'podman', id: ID, monitorName: 'db-1' }), 'db-1');
});

test('the description says image, state and the host network it shares (not the user namespace)', () => {
  assert.deepEqual(containerDescription(hostile), ['⚠ host network', 'evil`` ` image', 'running']);
});

test('the tooltip escapes every engine string: no link, no HTML, no emphasis, no line break from a name', () => {
  const tooltip = containerTooltip(hostile);
  assert.ok(!tooltip.includes(']('), 'no Markdown link survives');
  assert.ok(tooltip.split('\n')[0].includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), 'HTML in the name is escaped');
  assert.ok(tooltip.includes('- labels: `a\\nb=<script>`'), 'HTML in a label stays inside a code span');
  assert.match(tooltip, /image: ```evil`` ` image```/, 'backticks that would close a code span early get a longer fence');
  assert.ok(!tooltip.includes('**x**'), 'no emphasis from the name');
  assert.ok(!tooltip.includes('\u202e'));
  assert.match(tooltip, /shares with the host: host network, host user namespace/);
  assert.match(tooltip, /found by: its cgroup path/);
  assert.equal(tooltip.split('\n').filter((line) => line.includes('gnp')).length, 1, 'the name stays on its line');
});

test('a container without engine facts says ids only', () => {
  assert.match(containerTooltip({ engine: 'nspawn', id: 'box', evidence: 'ancestry' }), /its monitor process; no engine named it/);
});

test('the filter matches names, images and pod names', () => {
  const p = { pid: 5, nspid: [5], command: 'sleep', container: { ...hostile, facts: { ...hostile.facts, name: 'shop-web', image: 'nginx:1.27' } } } as unknown as ProcessInfo;
  for (const text of ['shop-web', 'NGINX', 'shop-pod', '3f2a1b', 'docker']) assert.ok(compileFilter(text)!.processMatches(p), text);
  assert.ok(!compileFilter('postgres')!.processMatches(p));
});
