import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNsLink } from '../../src/core/parsers/nsLink';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('parses every link captured from /proc/self/ns', () => {
  const links = new Map(fixture('ns-links.txt').trim().split('\n').map((l) => l.split(' ') as [string, string]));
  assert.equal(links.size, 10);
  assert.deepEqual(parseNsLink(links.get('net')!), { type: 'net', ino: 4026531833 });
  assert.deepEqual(parseNsLink(links.get('user')!), { type: 'user', ino: 4026531837 });
  // The *_for_children links point at an ordinary "pid:[...]" / "time:[...]" target.
  assert.deepEqual(parseNsLink(links.get('pid_for_children')!), { type: 'pid', ino: 4026531836 });
  for (const target of links.values()) assert.notEqual(parseNsLink(target), null);
});

test('rejects anything that is not exactly type:[inode]', () => {
  for (const bad of ['', 'net', 'net:[]', 'net:[12a]', 'net:[1] ', ' net:[1]', 'net:4026531840', '/proc/1/ns/net', 'socket:[123', 'net:[99999999999999999999]']) {
    assert.equal(parseNsLink(bad), null, bad);
  }
  // Other anon-inode style links (fds) have the same shape; the caller decides the type is a namespace.
  assert.deepEqual(parseNsLink('socket:[12345]'), { type: 'socket', ino: 12345 });
});
