import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { NamespaceLab, waitFor, waitForCommand } from './support/namespaces';
import { HELPER, runHelper } from './support/helperRun';

/** A token in every name the tests make, so their leftovers (and only theirs) can be found. */
const T = randomBytes(3).toString('hex');

const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8' });
const netnsNames = () => ip('netns', 'list').split('\n').map((line) => line.split(' ')[0]).filter(Boolean);
const linkNames = (netns?: string) =>
  (netns ? ip('-n', netns, '-o', 'link') : ip('-o', 'link'))
    .split('\n')
    .map((line) => /^\d+: ([^:@]+)/.exec(line)?.[1])
    .filter((name): name is string => !!name);
const linkLine = (netns: string, ifName: string) => ip('-n', netns, '-o', 'link', 'show', 'dev', ifName);
const addrs = (netns: string, ifName: string) => ip('-n', netns, '-o', 'addr', 'show', 'dev', ifName);

describe('the helper\'s verbs, as root, on real namespaces', () => {
  const lab = new NamespaceLab();
  const hostLinks: string[] = [];
  after(() => {
    for (const name of hostLinks) if (linkNames().includes(name)) ip('link', 'del', name);
    lab.cleanup();
  });

  it('version answers, also for an unprivileged user', () => {
    assert.deepEqual(runHelper(['version']), { status: 0, stdout: 'nsinspect-helper 1\n', stderr: '' });
    assert.equal(runHelper(['version'], { as: 'nobody' }).stdout, 'nsinspect-helper 1\n');
  });

  it('netns-add creates a named network namespace, netns-del removes it; a second add is refused', () => {
    const name = lab.netnsName(`verb-${T}`);
    assert.ok(!netnsNames().includes(name));
    assert.equal(runHelper(['netns-add', name]).status, 0);
    assert.ok(netnsNames().includes(name) && existsSync(`/run/netns/${name}`));
    const again = runHelper(['netns-add', name]);
    assert.equal(again.status, 66);
    assert.match(again.stderr, /exists already/);
    assert.equal(runHelper(['netns-del', name]).status, 0);
    assert.ok(!netnsNames().includes(name) && !existsSync(`/run/netns/${name}`));
    const gone = runHelper(['netns-del', name]);
    assert.equal(gone.status, 66);
    assert.match(gone.stderr, /no network namespace named/);
  });

  it('veth-add connects two named namespaces with addresses, both ends up; link-set, addr-add and link-del act on one end', () => {
    const a = lab.addNetns(`va-${T}`);
    const b = lab.addNetns(`vb-${T}`);
    const [ifA, ifB] = [`a${T}`, `b${T}`];
    const run = runHelper(['veth-add', `netns:${a}`, ifA, `netns:${b}`, ifB, '10.77.0.1/24', '10.77.0.2/24']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(linkLine(a, ifA), new RegExp(`${ifA}@.*state (UP|LOWERLAYERDOWN)|${ifA}@.*<[^>]*\\bUP\\b`));
    assert.match(addrs(a, ifA), /inet 10\.77\.0\.1\/24/);
    assert.match(addrs(b, ifB), /inet 10\.77\.0\.2\/24/);
    assert.match(linkLine(b, ifB), /<[^>]*\bUP\b/);
    assert.ok(!linkNames().includes(ifA) && !linkNames().includes(ifB), 'nothing is left in the host');

    assert.equal(runHelper(['link-set', `netns:${a}`, ifA, 'down']).status, 0);
    assert.doesNotMatch(linkLine(a, ifA), /<[^>]*\bUP\b/);
    assert.equal(runHelper(['link-set', `netns:${a}`, ifA, 'up']).status, 0);
    assert.match(linkLine(a, ifA), /<[^>]*\bUP\b/);

    assert.equal(runHelper(['addr-add', `netns:${a}`, ifA, 'fd77::1/64']).status, 0);
    assert.match(addrs(a, ifA), /inet6 fd77::1\/64/);

    assert.equal(runHelper(['link-del', `netns:${a}`, ifA]).status, 0);
    assert.ok(!linkNames(a).includes(ifA) && !linkNames(b).includes(ifB), 'both ends are gone');
  });

  it('veth-add connects the host and a process\' unnamed network namespace (pid:PID)', async () => {
    const holder = lab.start(['unshare', '--net', 'sleep', '600']);
    await waitForCommand(holder.pid!, 'sleep');
    const [ifHost, ifProc] = [`h${T}`, `p${T}`];
    hostLinks.push(ifHost);
    const run = runHelper(['veth-add', 'host', ifHost, `pid:${holder.pid}`, ifProc, '10.78.0.1/30']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(linkNames().includes(ifHost));
    const inside = execFileSync('nsenter', [`--net=/proc/${holder.pid}/ns/net`, 'ip', '-o', 'link'], { encoding: 'utf8' });
    assert.match(inside, new RegExp(`: ${ifProc}@`));
    assert.match(ip('-o', 'addr', 'show', 'dev', ifHost), /inet 10\.78\.0\.1\/30/);
    assert.equal(runHelper(['link-set', `pid:${holder.pid}`, ifProc, 'down']).status, 0);
    assert.equal(runHelper(['link-del', 'host', ifHost]).status, 0);
    assert.ok(!linkNames().includes(ifHost));
  });

  it('veth-add into the same namespace twice is refused and leaves the first pair alone', () => {
    const a = lab.addNetns(`vd-${T}`);
    assert.equal(runHelper(['veth-add', `netns:${a}`, `x${T}`, `netns:${a}`, `y${T}`]).status, 0);
    const again = runHelper(['veth-add', `netns:${a}`, `x${T}`, `netns:${a}`, `z${T}`]);
    assert.equal(again.status, 66);
    assert.deepEqual(linkNames(a).sort(), ['lo', `x${T}`, `y${T}`].sort());
  });

  it('capture writes a pcap of an interface to stdout until stdin closes', async () => {
    const a = lab.addNetns(`ca-${T}`);
    const b = lab.addNetns(`cb-${T}`);
    assert.equal(runHelper(['veth-add', `netns:${a}`, `c${T}`, `netns:${b}`, `d${T}`, '10.79.0.1/24', '10.79.0.2/24']).status, 0);
    const capture = spawn(HELPER, ['capture', `netns:${a}`, `c${T}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    capture.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let stderr = '';
    capture.stderr.on('data', (chunk) => (stderr += chunk));
    await waitFor('tcpdump to listen', () => (stderr.includes('listening on') ? true : undefined), 10_000);
    // Three UDP datagrams from b to a.
    const send = 'const s=require("dgram").createSocket("udp4");let n=0;const f=()=>s.send("nsi",9999,"10.79.0.1",()=>{if(++n<3)setTimeout(f,50);else s.close()});f()';
    execFileSync('ip', ['netns', 'exec', b, process.execPath, '-e', send]);
    await waitFor('the pcap to hold packets', () => (Buffer.concat(chunks).length > 24 + 3 * 16 ? true : undefined), 10_000);
    const exited = new Promise((resolve) => capture.on('close', resolve));
    capture.stdin.end();
    assert.equal(await exited, 0);
    const pcap = Buffer.concat(chunks);
    assert.ok([0xa1b2c3d4, 0xd4c3b2a1].includes(pcap.readUInt32BE(0)), 'pcap magic');
    assert.ok(pcap.includes(Buffer.from('nsi')), 'the datagrams are in the capture');
  });

  it('refuses every verb that needs root when run as nobody, and changes nothing', () => {
    const a = lab.addNetns(`nb-${T}`);
    const beforeNetns = netnsNames().filter((name) => name.includes(T));
    const cases = [
      ['snapshot'],
      ['netns-add', `nsi-nobody-${T}`],
      ['netns-del', a],
      ['veth-add', `netns:${a}`, `n${T}`, 'host', `m${T}`],
      ['link-set', `netns:${a}`, 'lo', 'up'],
      ['addr-add', `netns:${a}`, 'lo', '10.80.0.1/32'],
      ['link-del', `netns:${a}`, 'lo'],
      ['capture', `netns:${a}`, 'lo'],
    ];
    for (const args of cases) {
      const run = runHelper(args, { as: 'nobody' });
      assert.equal(run.status, 77, `${args[0]}: ${run.stderr}`);
      assert.match(run.stderr, /^nsinspect-helper: refusing to run as UID 65534: this verb needs root/);
      assert.equal(run.stdout, '');
    }
    assert.deepEqual(netnsNames().filter((name) => name.includes(T)), beforeNetns);
    assert.deepEqual(linkNames(a), ['lo']);
    assert.ok(!linkNames().some((name) => name.includes(T)));
  });
});

describe('the helper refuses bad input to every verb and changes nothing', () => {
  const lab = new NamespaceLab();
  let a = '';
  const marker = `/tmp/nsi-injected-${T}`;
  const hostNetnsBefore: string[] = [];
  let addrsBefore = '';
  before(() => {
    a = lab.addNetns(`bad-${T}`);
    addrsBefore = ip('-n', a, '-o', 'addr');
    hostNetnsBefore.push(...netnsNames().filter((name) => name.includes(T)));
  });
  after(() => lab.cleanup());

  const injections = [`$(touch ${marker})`, `\`touch ${marker}\``, `x;touch ${marker}`, `x\ntouch ${marker}`];
  const badName = (kind: 'name' | 'if') => [
    '',
    '/',
    `n${T}/x`,
    '..',
    '.',
    `n${T} x`,
    `n${T};x`,
    `n${T}\nx`,
    ...injections,
    `-n${T}`,
    '--help',
    kind === 'name' ? `n${T}`.padEnd(65, 'x') : `n${T}`.padEnd(16, 'x'),
    `n${T}é`,
  ];
  const badTarget = ['', 'netns:', `netns:../n${T}`, `netns:n${T} x`, `netns:$(touch ${marker})`, 'pid:0', 'pid:abc', 'pid:-1', 'pid:99999999', `netns:nsi-missing-${T}`, 'hostx', '-host', 'pid:1;x', `host\n`];
  const badCidr = ['10.0.0.1', '10.0.0.256/24', '10.0.0.1/33', '10.0.0.01/24', '1.2.3.4/24;x', `$(touch ${marker})`, '-1', '', 'fe80::1::2/64', '10.0.0.1/ 24', '::g/64'];

  // Each verb with valid arguments; each position is replaced in turn by every bad value of its kind.
  const verbs: { args: () => string[]; kinds: ('name' | 'if' | 'target' | 'cidr' | 'state' | 'missing-name' | 'missing-if')[] }[] = [
    { args: () => ['netns-add', `nsi-new-${T}`], kinds: ['name'] },
    { args: () => ['netns-del', a], kinds: ['missing-name'] },
    { args: () => ['veth-add', `netns:${a}`, `v${T}`, 'host', `w${T}`, '10.81.0.1/24', '10.81.0.2/24'], kinds: ['target', 'if', 'target', 'if', 'cidr', 'cidr'] },
    { args: () => ['link-set', `netns:${a}`, 'lo', 'up'], kinds: ['target', 'missing-if', 'state'] },
    { args: () => ['link-del', `netns:${a}`, 'lo'], kinds: ['target', 'missing-if'] },
    { args: () => ['addr-add', `netns:${a}`, 'lo', '10.82.0.1/32'], kinds: ['target', 'missing-if', 'cidr'] },
    { args: () => ['capture', `netns:${a}`, 'lo'], kinds: ['target', 'missing-if'] },
  ];
  const valuesFor = (kind: string): string[] => {
    switch (kind) {
      case 'name':
        return badName('name');
      case 'missing-name':
        return [...badName('name'), `nsi-missing-${T}`];
      case 'if':
        return badName('if');
      case 'missing-if':
        return [...badName('if'), `nomissing${T}`.slice(0, 15)];
      case 'target':
        return badTarget;
      case 'cidr':
        return badCidr;
      default:
        return ['', 'sideways', 'up;x', '-up', 'UP'];
    }
  };

  for (const verb of verbs) {
    const name = verb.args()[0];
    it(`${name}: every bad value in every position is refused with a clear message`, () => {
      const valid = verb.args();
      let tried = 0;
      for (const [position, kind] of verb.kinds.entries()) {
        for (const value of valuesFor(kind)) {
          const args = [...valid];
          args[position + 1] = value;
          const run = runHelper(args);
          const label = `${name} arg ${position + 1} = ${JSON.stringify(value)}`;
          assert.ok(run.status === 65 || run.status === 66, `${label}: exit ${run.status}, ${run.stderr}`);
          assert.match(run.stderr, /^nsinspect-helper: (invalid|no |PID )[^\n]*\n$/, `${label}: one clear line`);
          assert.equal(run.stdout, '', label);
          tried++;
        }
      }
      // Too many or too few arguments: a usage error.
      assert.equal(runHelper([...valid, 'extra', 'more', 'andmore']).status, 64);
      assert.equal(runHelper([name]).status, 64);
      assert.ok(tried > 10);
      assert.ok(!existsSync(marker), 'an injected command ran');
      assert.deepEqual(netnsNames().filter((n) => n.includes(T)), hostNetnsBefore, 'ip netns list changed');
      assert.deepEqual(linkNames(a), ['lo'], `ip link in ${a} changed`);
      assert.ok(!linkNames().some((n) => n.includes(T)), 'ip link on the host changed');
      assert.equal(ip('-n', a, '-o', 'addr'), addrsBefore, `addresses in ${a} changed`);
      assert.ok(!readdirSync('/run/netns').some((entry) => entry.includes(T) && entry !== a));
    });
  }

  it('an unknown or missing verb is a usage error', () => {
    for (const args of [[], ['bogus'], ['--help'], ['snapshot;id'], ['eval', 'id']]) {
      const run = runHelper(args);
      assert.equal(run.status, 64, JSON.stringify(args));
      assert.match(run.stderr, /^nsinspect-helper: (no verb given|unknown verb); verbs: /);
    }
  });
});
