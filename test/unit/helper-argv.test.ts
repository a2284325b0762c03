import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { helperArgv } from '../../src/core/helper/helperArgv';
import { checkCidr, checkFd, checkIfName, checkNetnsName, checkPid, HelperArgumentError } from '../../src/core/helper/helperRules';
import { netTargetArg } from '../../src/core/helper/netTarget';

describe('helper argv builder', () => {
  it('builds each verb\'s argv with targets in host / netns:NAME / pid:PID form', () => {
    assert.deepEqual(helperArgv({ verb: 'snapshot' }), ['snapshot']);
    assert.deepEqual(helperArgv({ verb: 'netns-add', name: 'blue' }), ['netns-add', 'blue']);
    assert.deepEqual(
      helperArgv({ verb: 'veth-add', a: { target: { kind: 'netns', name: 'blue' }, ifName: 'v0' }, b: { target: { kind: 'pid', pid: 42 }, ifName: 'v1', cidr: '10.0.0.2/24' } }),
      ['veth-add', 'netns:blue', 'v0', 'pid:42', 'v1', 'none', '10.0.0.2/24'],
    );
    assert.deepEqual(helperArgv({ verb: 'veth-add', a: { target: { kind: 'host' }, ifName: 'h0', cidr: 'fd00::1/64' }, b: { target: { kind: 'netns', name: 'x' }, ifName: 'x0' } }), ['veth-add', 'host', 'h0', 'netns:x', 'x0', 'fd00::1/64']);
    assert.deepEqual(helperArgv({ verb: 'link-set', target: { kind: 'host' }, ifName: 'eth0', state: 'down' }), ['link-set', 'host', 'eth0', 'down']);
    assert.deepEqual(helperArgv({ verb: 'link-set', target: { kind: 'pid', pid: 7 }, ifName: 'lo', state: 'down' }), ['link-set', 'pid:7', 'lo', 'down']);
    assert.deepEqual(helperArgv({ verb: 'veth-add', a: { target: { kind: 'netns', name: 'a' }, ifName: 'lo0', cidr: '127.0.0.2/8' }, b: { target: { kind: 'host' }, ifName: 'h0' } }), ['veth-add', 'netns:a', 'lo0', 'host', 'h0', '127.0.0.2/8']);
    assert.deepEqual(helperArgv({ verb: 'capture', target: { kind: 'host' }, ifName: 'lo' }), ['capture', 'host', 'lo']);
    assert.deepEqual(helperArgv({ verb: 'link-set', target: { kind: 'fd', pid: 42, fd: 3 }, ifName: 'eth0', state: 'up' }), ['link-set', 'fd:42:3', 'eth0', 'up']);
  });

  it('net-read takes 1 to 1000 targets of every kind, each checked', () => {
    assert.deepEqual(
      helperArgv({ verb: 'net-read', targets: [{ kind: 'host' }, { kind: 'netns', name: 'a' }, { kind: 'pid', pid: 9 }, { kind: 'fd', pid: 9, fd: 0 }] }),
      ['net-read', 'host', 'netns:a', 'pid:9', 'fd:9:0'],
    );
    const many = Array.from({ length: 1000 }, (_, i) => ({ kind: 'pid' as const, pid: i + 1 }));
    assert.equal(helperArgv({ verb: 'net-read', targets: many }).length, 1001);
    assert.throws(() => helperArgv({ verb: 'net-read', targets: [...many, { kind: 'host' }] }), /1 to 1000 targets, got 1001/);
    assert.throws(() => helperArgv({ verb: 'net-read', targets: [] }), HelperArgumentError);
    assert.throws(() => helperArgv({ verb: 'net-read', targets: [{ kind: 'host' }, { kind: 'netns', name: '../x' }] }), HelperArgumentError);
    for (const fd of [-1, 1.5, '01', 'x', '1;2', 1e11]) assert.throws(() => checkFd(fd as number), HelperArgumentError, String(fd));
    assert.throws(() => netTargetArg({ kind: 'fd', pid: 0, fd: 3 }), HelperArgumentError);
  });

  it('refuses the same bad input the helper refuses, before anything runs', () => {
    const bad: [() => unknown, string][] = [
      [() => checkNetnsName(''), 'empty'],
      [() => checkNetnsName('a/b'), 'slash'],
      [() => checkNetnsName('..'), 'dotdot'],
      [() => checkNetnsName('a b'), 'space'],
      [() => checkNetnsName('a;b'), 'semicolon'],
      [() => checkNetnsName('a\nb'), 'newline'],
      [() => checkNetnsName('$(id)'), 'command substitution'],
      [() => checkNetnsName('`id`'), 'backticks'],
      [() => checkNetnsName('-rf'), 'leading dash'],
      [() => checkNetnsName('x'.repeat(65)), 'too long'],
      [() => checkNetnsName('né'), 'non-ASCII'],
      [() => checkIfName('x'.repeat(16)), 'interface too long'],
      ...['any', 'dbus-session', 'dbus-system', 'usbmon0', 'bluetooth0', 'bluetooth-monitor', 'nflog', 'nfqueue', 'rdma', 'vale0', 'netmap0', 'dag0', 'snf0', 'dpdk0', 'kmsg', 'canusb0', 'dvb0', 'openvizsla', 'septel'].map(
        (name): [() => unknown, string] => [() => checkIfName(name), `libpcap pseudo-device ${name}`],
      ),
      [() => checkPid(0), 'PID 0'],
      [() => checkPid('012'), 'leading zero'],
      [() => checkPid('1;2'), 'PID injection'],
      [() => checkCidr('10.0.0.1'), 'no prefix'],
      [() => checkCidr('10.0.0.256/24'), 'octet'],
      [() => checkCidr('10.0.0.01/24'), 'leading zero octet'],
      [() => checkCidr('10.0.0.1/33'), 'prefix'],
      [() => checkCidr('fe80::1::2/64'), 'two ::'],
      [() => checkCidr('::ffff:1.2.3.4/96'), 'mapped IPv4'],
      [() => netTargetArg({ kind: 'netns', name: '../x' }), 'target name'],
    ];
    for (const [call, what] of bad) assert.throws(call, HelperArgumentError, what);
    assert.equal(checkCidr('fd00::1/64'), 'fd00::1/64');
    assert.equal(checkCidr('0.0.0.0/0'), '0.0.0.0/0');
    assert.equal(checkNetnsName('a.b_c-1'), 'a.b_c-1');
    for (const name of ['eth0', 'anything', 'veth-dbus', 'dagger', 'lo']) assert.equal(checkIfName(name), name);
  });
});
