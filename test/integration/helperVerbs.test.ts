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
    assert.deepEqual(runHelper(['version']), { status: 0, stdout: 'nsinspect-helper 2\n', stderr: '' });
    assert.equal(runHelper(['version'], { as: 'nobody' }).stdout, 'nsinspect-helper 2\n');
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

  it('veth-add connects two named namespaces with addresses (IPv4 or IPv6), both ends up; link-set acts on one end; netns-del takes both ends', async () => {
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

    const six = runHelper(['veth-add', `netns:${a}`, `s${T}`, `netns:${b}`, `t${T}`, 'fd77::1/64', 'fd77::2/64']);
    assert.equal(six.status, 0, six.stderr);
    assert.match(addrs(a, `s${T}`), /inet6 fd77::1\/64/);

    assert.equal(runHelper(['netns-del', a]).status, 0);
    // The kernel takes the pairs down with the namespace, in its own time (cleanup_net).
    await waitFor('both pairs to go with one end\'s namespace', () => (linkNames(b).includes(ifB) || linkNames(b).includes(`t${T}`) ? undefined : true), 10_000);
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
    // The process' namespace goes with the process, and the pair with it.
    holder.kill('SIGKILL');
    await waitFor('the host end to go with the process\' namespace', () => (linkNames().includes(ifHost) ? undefined : true), 10_000);
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
      ['capture', `netns:${a}`, 'lo'],
      ['net-read', 'host', `netns:${a}`],
      ['link-set', `fd:${process.pid}:0`, 'lo', 'up'],
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

describe('net-read and fd:PID:FD targets, as root, on real namespaces', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());
  const sections = (stdout: string) => {
    const parts = stdout.split(/\0@@([a-z]+(?: \d+)?)\0/);
    const found = new Map<string, string>();
    for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i], parts[i + 1]);
    return found;
  };

  it('reads every target inside its namespace: ip batch, sockets, nsids; a target gone has an error and the rest go on', async () => {
    const a = lab.addNetns(`nra-${T}`);
    const b = lab.addNetns(`nrb-${T}`);
    ip('-n', a, 'link', 'add', `ra${T}`, 'type', 'veth', 'peer', 'name', `rb${T}`, 'netns', b);
    ip('-n', a, 'link', 'set', 'lo', 'up');
    const listener = lab.start(['ip', 'netns', 'exec', a, process.execPath, '-e', `require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port) })`], { stdio: 'pipe' });
    const port = await waitFor('the listener', () => Number(listener.stdout?.read()?.toString()) || undefined, 10_000);
    const gone = lab.start(['sleep', '600']);
    await waitForCommand(gone.pid!, 'sleep');
    const reaped = new Promise((resolve) => gone.once('exit', resolve));
    process.kill(gone.pid!, 'SIGKILL');
    await reaped;
    const before = [ip('-n', a, '-o', 'link'), ip('-n', b, '-o', 'link'), ip('-o', 'link')];
    const run = runHelper(['net-read', 'host', `netns:${a}`, `netns:${b}`, `pid:${gone.pid}`]);
    assert.equal(run.status, 0, run.stderr);
    const s = sections(run.stdout);
    const ino = (path: string) => execFileSync('stat', ['-L', '-c', '%d %i', path], { encoding: 'utf8' }).trim();
    assert.deepEqual([s.get('ns 0'), s.get('ns 1'), s.get('ns 2')], [ino('/proc/self/ns/net'), ino(`/run/netns/${a}`), ino(`/run/netns/${b}`)]);
    const links = (i: number) => (JSON.parse(s.get(`ip ${i}`)!.split('\n')[0]) as { ifname: string }[]).map((l) => l.ifname).sort();
    assert.deepEqual(links(1), ['lo', `ra${T}`].sort());
    assert.deepEqual(links(2), ['lo', `rb${T}`].sort());
    assert.ok(!s.has('ns 3'));
    assert.match(s.get('error 3') ?? '', /^(no process with PID|PID \d+ is not a process|gone)/);
    const hexPort = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')} 00000000:0000 0A`;
    assert.ok(s.get('sockets 1')!.split('\n').some((line) => line.startsWith('tcp:') && line.includes(hexPort)), 'the listener is in a\'s sockets');
    assert.ok(!s.get('sockets 2')!.includes(hexPort) && !s.get('sockets 0')!.includes(hexPort), 'and only there');
    // The nsids each gives the other, as the kernel answers (ip names them by /run/netns too).
    const nsidOf = (from: string, peer: string) => String((JSON.parse(execFileSync('ip', ['-n', from, '-j', 'link', 'show', peer], { encoding: 'utf8' })) as { link_netnsid: number }[])[0].link_netnsid);
    assert.equal(s.get('nsids 1')!.trim(), `2 ${nsidOf(a, `ra${T}`)}`);
    assert.equal(s.get('nsids 2')!.trim(), `1 ${nsidOf(b, `rb${T}`)}`);
    const inode = s.get('sockets 1')!.split('\n').find((line) => line.includes(hexPort))!.replace(/^tcp:/, '').trim().split(/\s+/)[9];
    assert.ok(s.get('fds')!.split('\0').some((record) => new RegExp(`^/proc/\\d+/fd/\\d+ socket:\\[${inode}\\]$`).test(record)), 'the socket\'s fd is listed');
    assert.ok(s.has('end'));
    assert.deepEqual([ip('-n', a, '-o', 'link'), ip('-n', b, '-o', 'link'), ip('-o', 'link')], before, 'reading changes nothing');
  });

  it('an fd:PID:FD target reaches a namespace only an open fd holds: net-read, link-set, veth-add, capture refused for other files', async () => {
    const name = lab.addNetns(`nrf-${T}`);
    ip('-n', name, 'link', 'add', `fa${T}`, 'type', 'veth', 'peer', 'name', `fb${T}`);
    const holder = lab.start(['sh', '-c', `exec 3</run/netns/${name}; exec sleep 600`]);
    await waitForCommand(holder.pid!, 'sleep');
    ip('netns', 'del', name);
    const fd = `fd:${holder.pid}:3`;
    const inside = () => execFileSync('nsenter', [`--net=/proc/${holder.pid}/fd/3`, 'ip', '-o', 'link'], { encoding: 'utf8' });
    const read = runHelper(['net-read', fd, `fd:${holder.pid}:1`]);
    assert.equal(read.status, 0, read.stderr);
    const s = sections(read.stdout);
    assert.match(s.get('ip 0') ?? '', new RegExp(`"ifname":"fa${T}"`));
    assert.match(s.get('error 1') ?? '', /is not a network namespace/, 'fd 1 (not nsfs) is never read');
    assert.equal(runHelper(['link-set', fd, `fa${T}`, 'up']).status, 0);
    assert.match(inside(), new RegExp(`fa${T}@fb${T}: <[^>]*\\bUP\\b`));
    const veth = runHelper(['veth-add', 'host', `h${T}`, fd, `f${T}`]);
    assert.equal(veth.status, 0, veth.stderr);
    try {
      assert.match(inside(), new RegExp(`: f${T}@`), 'the peer went into the fd-held namespace');
    } finally {
      ip('link', 'del', `h${T}`);
    }
    for (const bad of [`fd:${holder.pid}:1`, `fd:${holder.pid}:99`]) {
      const refused = runHelper(['link-set', bad, 'lo', 'up']);
      assert.equal(refused.status, 66, bad);
      assert.match(refused.stderr, /is not a network namespace/);
    }
  });

  it('net-read refuses bad targets (65), wrong counts (64) and nobody (77) before reading anything', () => {
    const a = lab.addNetns(`nrb-${T}`);
    for (const target of ['', 'hostx', 'netns:../x', `netns:$(touch /tmp/x${T})`, 'pid:abc', 'pid:0', 'pid:01', 'fd:1:x', 'fd:1:', 'fd::3', 'fd:1:07', 'fd:1', 'fd:1:2:3', 'pid:12345678901']) {
      const run = runHelper(['net-read', `netns:${a}`, target]);
      assert.equal(run.status, 65, `${JSON.stringify(target)}: ${run.stderr}`);
      assert.match(run.stderr, /^nsinspect-helper: invalid [^\n]*\n$/);
      assert.equal(run.stdout, '');
    }
    assert.equal(runHelper(['net-read']).status, 64);
    const tooMany = runHelper(['net-read', ...Array.from({ length: 1001 }, () => 'host')]);
    assert.equal(tooMany.status, 64);
    assert.equal(tooMany.stdout, '');
    const thousand = runHelper(['net-read', ...Array.from({ length: 1000 }, () => `netns:${a}`)]);
    assert.equal(thousand.status, 0, thousand.stderr);
    assert.equal(sections(thousand.stdout).get('ns 999'), execFileSync('stat', ['-L', '-c', '%d %i', `/run/netns/${a}`], { encoding: 'utf8' }).trim());
    const nobody = runHelper(['net-read', `netns:${a}`], { as: 'nobody' });
    assert.equal(nobody.status, 77);
    assert.equal(nobody.stdout, '');
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
    // libpcap's capture pseudo-devices: never an interface name, for any verb (issue #13).
    ...(kind === 'if' ? ['any', 'dbus-session', 'dbus-system', 'dbus://x', 'usbmon0', 'bluetooth0', 'bluetooth-monitor', 'nflog', 'nfqueue', 'rdma', 'dpdk:0', 'netmap:x', 'vale0', 'dag0', 'snf0', 'kmsg', 'canusb0', 'dvb', 'openvizsla', 'septel'] : []),
  ];
  const badTarget = ['', 'netns:', `netns:../n${T}`, `netns:n${T} x`, `netns:$(touch ${marker})`, 'pid:0', 'pid:abc', 'pid:-1', 'pid:99999999', `netns:nsi-missing-${T}`, 'hostx', '-host', 'pid:1;x', `host\n`, 'fd:1:x', 'fd:0:3', 'fd:99999999:3', `fd:${process.pid}:1`];
  const badCidr = ['10.0.0.1', '10.0.0.256/24', '10.0.0.1/33', '10.0.0.01/24', '1.2.3.4/24;x', `$(touch ${marker})`, '-1', '', 'fe80::1::2/64', '10.0.0.1/ 24', '::g/64'];

  // Each verb with valid arguments; each position is replaced in turn by every bad value of its kind.
  const verbs: { args: () => string[]; kinds: ('name' | 'if' | 'target' | 'cidr' | 'state' | 'missing-name' | 'missing-if')[] }[] = [
    { args: () => ['netns-add', `nsi-new-${T}`], kinds: ['name'] },
    { args: () => ['netns-del', a], kinds: ['missing-name'] },
    { args: () => ['veth-add', `netns:${a}`, `v${T}`, 'host', `w${T}`, '10.81.0.1/24', '10.81.0.2/24'], kinds: ['target', 'if', 'target', 'if', 'cidr', 'cidr'] },
    { args: () => ['link-set', `netns:${a}`, 'lo', 'up'], kinds: ['target', 'missing-if', 'state'] },
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
          assert.match(run.stderr, /^nsinspect-helper: (invalid|no |PID |fd \d+ of PID)[^\n]*\n$/, `${label}: one clear line`);
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

  it('an unknown or missing verb is a usage error (also the verbs removed because nothing called them), and changes nothing', () => {
    const a = lab.addNetns(`uv-${T}`);
    const before = [linkNames(a), ip('-n', a, '-o', 'addr')];
    for (const args of [[], ['bogus'], ['--help'], ['snapshot;id'], ['eval', 'id'], ['link-list', 'host'], ['link-del', `netns:${a}`, 'lo'], ['addr-add', `netns:${a}`, 'lo', '10.82.0.1/32']]) {
      const run = runHelper(args);
      assert.equal(run.status, 64, JSON.stringify(args));
      assert.match(run.stderr, /^nsinspect-helper: (no verb given|unknown verb); verbs: version snapshot net-read netns-add netns-del veth-add link-set capture\n$/);
    }
    assert.deepEqual([linkNames(a), ip('-n', a, '-o', 'addr')], before);
  });
});
