import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nsfsMounts, parseMountinfo } from '../../src/core/parsers/mountinfo';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('parses every line of a captured mountinfo', () => {
  const text = fixture('mountinfo-netns.txt');
  const entries = parseMountinfo(text);
  assert.equal(entries.length, text.trim().split('\n').length);
  assert.deepEqual(entries[0], {
    mountId: 22, parentId: 27, major: 0, minor: 21, root: '/', mountPoint: '/proc',
    options: 'rw,relatime', fsType: 'proc', source: 'proc', superOptions: 'rw',
  });
  const root = entries.find((e) => e.mountPoint === '/')!;
  assert.deepEqual([root.major, root.minor, root.fsType, root.source], [254, 0, 'ext4', '/dev/vda']);
});

test('skips one optional field and unescapes \\040 in the mount point', () => {
  const entries = parseMountinfo(fixture('mountinfo-netns.txt'));
  const y = entries.find((e) => e.mountId === 44)!;
  assert.equal(y.mountPoint, '/run/netns/fixture y');
  assert.equal(y.root, 'net:[4026532246]');
  assert.equal(y.options, 'rw');
  assert.equal(y.fsType, 'nsfs');
});

test('unescapes space, tab, backslash and newline (\\040 \\011 \\134 \\012)', () => {
  const tmp = parseMountinfo(fixture('mountinfo-netns.txt')).find((e) => e.source === 'fixture-tmp')!;
  assert.equal(tmp.mountPoint, '/tmp/fx mnt\tTab\\back\nline');
  assert.equal(tmp.superOptions, 'rw,size=1024k');
});

test('handles two optional fields ("shared:4 master:1")', () => {
  const run = parseMountinfo(fixture('mountinfo-slave-shared.txt')).find((e) => e.mountId === 67)!;
  assert.equal(run.root, '/run/netns');
  assert.equal(run.options, 'rw,relatime');
  assert.equal(run.fsType, 'ext4');
  assert.equal(run.superOptions, 'rw,discard,resv_strict,resuid=65534,resgid=65534');
});

test('nsfsMounts finds the two `ip netns add` mounts', () => {
  assert.deepEqual(nsfsMounts(parseMountinfo(fixture('mountinfo-netns.txt'))), [
    { type: 'net', ino: 4026532177, major: 0, minor: 4, mountPoint: '/run/netns/fixture-x' },
    { type: 'net', ino: 4026532246, major: 0, minor: 4, mountPoint: '/run/netns/fixture y' },
  ]);
});

test('nsfsMounts ignores non-nsfs mounts and nsfs mounts with odd roots', () => {
  const entries = parseMountinfo('1 0 0:4 net:[5] /a rw - tmpfs x rw\n2 0 0:4 / /b rw - nsfs nsfs rw\n');
  assert.deepEqual(nsfsMounts(entries), []);
});

test('skips malformed lines and keeps the good ones', () => {
  const good = '36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue';
  const text = [
    '',
    'garbage',
    '36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw', // no " - "
    '36 35 98:0 /mnt1 /mnt2 rw,noatime - ext3 /dev/root', // too few fields after " - "
    'x 35 98:0 / /m rw - ext3 /dev/root rw',
    '36 35 98 / /m rw - ext3 /dev/root rw',
    good,
  ].join('\n');
  const entries = parseMountinfo(text);
  assert.equal(entries.length, 1);
  // The proc(5) example line.
  assert.deepEqual(entries[0], {
    mountId: 36, parentId: 35, major: 98, minor: 0, root: '/mnt1', mountPoint: '/mnt2',
    options: 'rw,noatime', fsType: 'ext3', source: '/dev/root', superOptions: 'rw,errors=continue',
  });
  assert.deepEqual(parseMountinfo(''), []);
});

test('a mount point named "-" is not taken for the separator', () => {
  const [e] = parseMountinfo('5 1 0:3 / /- rw shared:1 - tmpfs a\\040b rw');
  assert.equal(e.mountPoint, '/-');
  assert.equal(e.source, 'a b');
});
