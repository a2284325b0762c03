// The helper as an unprivileged user with the NOPASSWD sudoers rule meets it: `nobody` runs it
// through `sudo -n` and a real rule, inside a throwaway mount + network namespace (see
// support/helperSandbox.ts), so the host's namespaces, /etc and /run are never touched. Each
// test is an attack from issue #13 and what must hold against it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HelperSandbox, NOBODY, SANDBOX_HELPER } from './support/helperSandbox';
import { waitFor } from './support/namespaces';

const POLICY = '/etc/nsinspect/helper-policy';

describe('the helper as nobody through a real sudoers rule: environment, interfaces, policy', () => {
  const box = new HelperSandbox();
  before(() => box.start());
  after(() => box.stop());

  const sh = (script: string) => {
    const run = box.sh(script);
    assert.equal(run.status, 0, `${script}: ${run.stderr}`);
    return run.stdout;
  };
  const links = (netns?: string) => sh(netns ? `ip -n ${netns} -o link` : 'ip -o link');
  const setPolicy = (text: string, mode = '0644') => sh(`mkdir -p /etc/nsinspect && printf '%s' '${text}' >${POLICY} && chmod ${mode} ${POLICY}`);
  const noPolicy = () => sh(`rm -rf /etc/nsinspect`);
  const refused = (run: { status: number | null; stderr: string; stdout: string }, rule: string, label: string) => {
    assert.equal(run.status, 78, `${label}: exit ${run.status}, ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`^nsinspect-helper: refused by policy \\(rule ${rule}\\): [^\\n]*; an admin can allow it with [^\\n]* in /etc/nsinspect/helper-policy\\n$`), label);
    assert.equal(run.stdout, '', label);
  };

  it('no tool sees the caller\'s environment, even what sudo keeps; the "already clean" state cannot be forged', async () => {
    assert.equal(box.helper(['netns-add', 'env-a']).status, 0);
    assert.equal(box.helper(['veth-add', 'netns:env-a', 'enva0', 'netns:env-a', 'enva1']).status, 0);
    const kept = { DISPLAY: ':77', XAUTHORITY: '/tmp/nsi-evil-xauth', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/nsi-evil-bus', NSI_CLEAN: '1', NSI_CALLER_UID: '0' };
    const capture = box.spawn(box.helperArgv(['capture', 'netns:env-a', 'enva0'], { env: kept }));
    let stderr = '';
    capture.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => capture.on('close', resolve));
    try {
      await waitFor('tcpdump to listen', () => (stderr.includes('listening on') ? true : undefined), 15_000);
      const pid = sh(`pgrep -x -f 'tcpdump -U -n -i enva0 -w -'`).trim();
      assert.match(pid, /^\d+$/);
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).sort();
      assert.deepEqual(environ, ['LC_ALL=C', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin']);
    } finally {
      capture.stdin!.end();
    }
    assert.equal(await exited, 0, stderr);
    // The kept markers did not make the helper take nobody for root.
    refused(box.helper(['link-set', 'host', 'lo', 'down'], { env: kept }), 'host_changes', 'forged NSI_CALLER_UID=0');
    assert.equal(box.helper(['netns-del', 'env-a']).status, 0);
  });

  it('a malformed or contradictory caller UID is refused before anything runs', () => {
    for (const env of [['SUDO_UID=abc'], ['SUDO_UID=01'], ['SUDO_UID='], ['PKEXEC_UID=-1'], ['SUDO_UID=99999999999'], ['SUDO_UID=5', 'PKEXEC_UID=6']]) {
      const run = box.sync(box.argv(['env', ...env, SANDBOX_HELPER, 'netns-add', 'uid-x']));
      assert.equal(run.status, 65, `${env.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^nsinspect-helper: (invalid caller UID|SUDO_UID and PKEXEC_UID name different callers)/);
    }
    assert.doesNotMatch(sh('ls /run/netns'), /uid-x/);
    // PKEXEC_UID is the caller when pkexec runs the helper.
    refused(box.sync(box.argv(['env', 'PKEXEC_UID=1000', SANDBOX_HELPER, 'link-set', 'host', 'lo', 'up'])), 'host_changes', 'PKEXEC_UID');
  });

  it('libpcap pseudo-device names: veth-add refuses to make them, capture refuses them even on a real interface of that name, tcpdump never starts', () => {
    assert.equal(box.helper(['netns-add', 'pcap-a']).status, 0);
    const veth = box.helper(['veth-add', 'netns:pcap-a', 'dbus-session', 'netns:pcap-a', 'pcapb0']);
    assert.equal(veth.status, 65, veth.stderr);
    assert.match(veth.stderr, /^nsinspect-helper: invalid interface name 'dbus-session': libpcap reads it as a capture pseudo-device/);
    assert.doesNotMatch(links('pcap-a'), /dbus-session|pcapb0/);
    // An interface that carries such a name anyway (made by root): capture still refuses it.
    sh('ip -n pcap-a link add dbus-session type veth peer name any && ip -n pcap-a link add usbmon0 type veth peer name pcapb1');
    for (const name of ['dbus-session', 'any', 'usbmon0']) {
      const run = box.sync(box.argv(['strace', '-f', '-qq', '-e', 'trace=execve', '-o', '/run/nsi-sandbox/strace', 'setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sudo', '-n', SANDBOX_HELPER, 'capture', 'netns:pcap-a', name]));
      assert.equal(run.status, 65, `${name}: ${run.stderr}`);
      assert.match(run.stderr, /invalid interface name/);
      assert.equal(run.stdout, '');
      assert.doesNotMatch(sh('cat /run/nsi-sandbox/strace'), /tcpdump/, `${name}: tcpdump was started`);
    }
    // A name that is no interface of the target namespace (but one of the host's) is not captured.
    sh('ip link add pcaphost0 type veth peer name pcaphost1');
    const elsewhere = box.helper(['capture', 'netns:pcap-a', 'pcaphost0']);
    assert.equal(elsewhere.status, 66, elsewhere.stderr);
    sh('ip link del pcaphost0');
    assert.equal(box.helper(['netns-del', 'pcap-a']).status, 0);
  });

  describe('the policy: strict defaults for a caller other than root', () => {
    before(() => noPolicy());

    it('nobody may make named namespaces (a quota of them) and change and capture only in its own', () => {
      assert.equal(box.helper(['netns-add', 'own-a']).status, 0);
      assert.equal(sh('cat /run/nsinspect/netns-owners/own-a').split(' ')[0], String(NOBODY));
      const pair = box.helper(['veth-add', 'netns:own-a', 'owna0', 'netns:own-a', 'owna1', '10.60.0.1/24', '10.60.0.2/24']);
      assert.equal(pair.status, 0, pair.stderr);
      assert.equal(box.helper(['link-set', 'netns:own-a', 'owna0', 'down']).status, 0);
      assert.equal(box.helper(['veth-add', 'netns:own-a', 'owna2', 'netns:own-a', 'owna3', '128.0.0.1/1']).status, 0, 'inside its own namespace, any address');
      assert.equal(box.helper(['netns-del', 'own-a']).status, 0);
      assert.doesNotMatch(sh('ls /run/nsinspect/netns-owners'), /own-a/, 'the record goes with the namespace');
    });

    it('the 128.0.0.1/1 attack: a veth from the host into its own namespace, or any host change, is refused and nothing changes', () => {
      assert.equal(box.helper(['netns-add', 'atk-a']).status, 0);
      const before = [links(), sh('ip -o addr'), links('atk-a')];
      refused(box.helper(['veth-add', 'netns:atk-a', 'atka0', 'host', 'atkh0', '10.61.0.2/24', '128.0.0.1/1']), 'host_changes', 'veth-add host end');
      refused(box.helper(['veth-add', 'host', 'atkh0', 'netns:atk-a', 'atka0', '128.0.0.1/1']), 'host_changes', 'veth-add host end first');
      refused(box.helper(['link-set', 'host', 'lo', 'down']), 'host_changes', 'link-set host');
      refused(box.helper(['veth-add', 'host', 'atkh1', 'netns:atk-a', 'atka1']), 'host_changes', 'veth-add host end without an address');
      refused(box.helper(['capture', 'host', 'lo']), 'host_capture', 'capture host');
      refused(box.helper(['link-set', `pid:${box.holderPid}`, 'lo', 'down']), 'host_changes', 'the host through a pid: target');
      assert.deepEqual([links(), sh('ip -o addr'), links('atk-a')], before);
      assert.equal(box.helper(['netns-del', 'atk-a']).status, 0);
    });

    it('another user\'s (here root\'s) namespaces: no change, no capture, no delete; a re-made namespace of the same name is not the old owner\'s', () => {
      sh('ip netns add root-a && ip -n root-a link add roota0 type veth peer name roota1');
      refused(box.helper(['link-set', 'netns:root-a', 'roota0', 'up']), 'others_namespaces', 'link-set');
      refused(box.helper(['veth-add', 'netns:root-a', 'rootc0', 'netns:root-a', 'rootc1', '10.62.0.1/24']), 'others_namespaces', 'veth-add inside root\'s');
      refused(box.helper(['capture', 'netns:root-a', 'roota0']), 'others_namespaces', 'capture');
      refused(box.helper(['netns-del', 'root-a']), 'others_namespaces', 'netns-del');
      assert.equal(box.helper(['netns-add', 'own-b']).status, 0);
      refused(box.helper(['veth-add', 'netns:own-b', 'ownb0', 'netns:root-a', 'rootb0']), 'others_namespaces', 'veth-add into root\'s');
      assert.match(sh('ls /run/netns'), /root-a/);
      assert.match(links('root-a'), /roota0: <[^>]*> /);
      assert.doesNotMatch(links('root-a'), /roota0: <[^>]*\bUP\b/);
      // Root deletes nobody's namespace and makes another of that name: it is root's, even when the
      // kernel gives the new one the old one's inode number. It hands out the lowest free number,
      // and frees the old one only when a kernel worker has torn that namespace down (seconds
      // after a busy run of tests): so a lower number is held, to fill the gap below it, and a
      // higher one means "not freed yet": it is let go and asked again a little later.
      const ownInode = Number(sh('stat -L -c %i /run/netns/own-b').trim());
      sh('ip netns del own-b');
      let held = 0;
      const deadline = Date.now() + 90_000;
      for (;;) {
        sh('ip netns add own-b');
        const inode = Number(sh('stat -L -c %i /run/netns/own-b').trim());
        if (inode === ownInode) break;
        assert.ok(Date.now() < deadline, `the kernel did not hand inode ${ownInode} out again within 90 s (${held} lower ones held)`);
        if (inode < ownInode) {
          sh(`touch /run/netns/hold-${held} && mount --bind /run/netns/own-b /run/netns/hold-${held} && ip netns del own-b`);
          held++;
        } else {
          sh('ip netns del own-b && sleep 0.1');
        }
      }
      try {
        refused(box.helper(['netns-del', 'own-b']), 'others_namespaces', 'a re-made name with the old inode');
      } finally {
        sh(`for i in $(seq 0 ${held - 1}); do ip netns del hold-$i; done; ip netns del own-b && ip netns del root-a`);
      }
    });

    it('a namespace whose user namespace nobody owns is nobody\'s (pid: target); reading verbs stay allowed', async () => {
      const holder = box.spawn(box.argv(['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'unshare', '--user', '--map-root-user', '--net', 'sh', '-c', 'echo $$; exec sleep 600']));
      try {
        const pid = await waitFor('the holder', () => Number(holder.stdout!.read()?.toString()) || undefined, 10_000);
        assert.equal(box.helper(['link-set', `pid:${pid}`, 'lo', 'up']).status, 0);
        assert.match(box.sync(box.argv(['nsenter', `--net=/proc/${pid}/ns/net`, 'ip', '-o', 'link', 'show', 'lo'])).stdout, /<[^>]*\bUP\b/);
        refused(box.helper(['veth-add', `pid:${pid}`, 'usr0', 'host', 'usrh0']), 'host_changes', 'veth-add to the host');
        const read = box.helper(['net-read', 'host', `pid:${pid}`]);
        assert.equal(read.status, 0, read.stderr);
        assert.match(read.stdout, /@@ns 1\0/);
        assert.equal(box.helper(['net-read', 'host']).status, 0);
        assert.equal(box.helper(['version']).stdout, 'nsinspect-helper 2\n');
      } finally {
        holder.kill('SIGKILL');
      }
    });

    it('a pid:/fd: target cannot be swapped between the policy check and the action: the helper holds the namespace it checked', async () => {
      // nobody's process: fd 3 on its own network namespace (lo up), fd 4 on the host's; SIGUSR1 moves fd 3 to the host's.
      const holder = box.spawn(box.argv(['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sh', '-c', 'exec 4</proc/self/ns/net; exec unshare --user --map-root-user --net sh -c "ip link set lo up; exec 3</proc/self/ns/net; trap \\"exec 3<&4\\" USR1; echo \\$\\$; while :; do sleep 0.1; done"']));
      const log = '/run/nsi-sandbox/strace-swap';
      try {
        const pid = await waitFor('the holder', () => Number(holder.stdout!.read()?.toString()) || undefined, 10_000);
        const inOwn = () => box.sync(box.argv(['nsenter', `--net=/proc/${pid}/ns/net`, 'ip', '-o', 'link', 'show', 'lo'])).stdout;
        assert.match(inOwn(), /<[^>]*\bUP\b/);
        // Every nsenter the helper starts waits 2 s before it runs: the swap lands after the check.
        const helper = box.spawn(box.argv(['strace', '-f', '-o', log, '-e', 'trace=execve', '-e', 'inject=execve:delay_enter=2000000', '-P', '/usr/bin/nsenter', 'setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sudo', '-n', SANDBOX_HELPER, 'link-set', `fd:${pid}:3`, 'lo', 'down']));
        let stderr = '';
        helper.stderr!.on('data', (chunk) => (stderr += chunk));
        const exited = new Promise((resolve) => helper.on('close', resolve));
        await waitFor('the first nsenter', () => (sh(`cat ${log} 2>/dev/null || true`).includes('execve("/usr/bin/nsenter"') ? true : undefined), 20_000);
        process.kill(pid, 'SIGUSR1');
        assert.equal(await exited, 0, stderr);
        assert.equal(sh(`readlink /proc/${pid}/fd/3`), sh('readlink /proc/self/ns/net'), 'the swap happened');
        assert.match(links(), /: lo: <[^>]*\bUP\b/, 'the host\'s lo is still up');
        assert.doesNotMatch(inOwn(), /<[^>]*\bUP\b/, 'the namespace checked is the one changed');
      } finally {
        holder.kill('SIGKILL'); // nsenter, setpriv and unshare exec: this is the holder itself
      }
    });

    it('the quota on named namespaces (netns_quota, default 8); root is not limited', () => {
      const made: string[] = [];
      for (let i = 0; i < 8; i++) {
        assert.equal(box.helper(['netns-add', `quota-${i}`]).status, 0, `namespace ${i}`);
        made.push(`quota-${i}`);
      }
      refused(box.helper(['netns-add', 'quota-8']), 'netns_quota', 'the ninth');
      assert.doesNotMatch(sh('ls /run/netns'), /quota-8/);
      assert.equal(box.helper(['netns-del', 'quota-0']).status, 0);
      assert.equal(box.helper(['netns-add', 'quota-8']).status, 0, 'one freed, one allowed');
      setPolicy('netns_quota=2\n');
      refused(box.helper(['netns-add', 'quota-9']), 'netns_quota', 'a lower quota');
      assert.equal(box.helper(['netns-add', 'quota-root'], { as: 'root' }).status, 0);
      assert.equal(box.helper(['link-set', 'host', 'lo', 'up'], { as: 'root' }).status, 0, 'root changes the host');
      for (const name of [...made.slice(1), 'quota-8', 'quota-root']) sh(`ip netns del ${name}`);
      noPolicy();
    });

    it('the quota holds when netns-add runs many times at once', async () => {
      setPolicy('netns_quota=2\n');
      // Each helper's `ip` waits 1 s before it runs (strace): without a lock, all six count 0 first.
      const runs = Array.from({ length: 6 }, (_, i) => {
        const child = box.spawn(box.argv(['strace', '-f', '-o', '/dev/null', '-e', 'trace=execve', '-e', 'inject=execve:delay_enter=1000000', '-P', '/usr/bin/ip', ...box.helperCommand(['netns-add', `race-${i}`])]));
        let stderr = '';
        child.stderr!.on('data', (chunk) => (stderr += chunk));
        return new Promise<string>((resolve) => child.on('close', (code) => resolve(`${code} ${stderr.trim()}`)));
      });
      const codes = (await Promise.all(runs)).map((run) => run.split(' ')[0]);
      const why = (await Promise.all(runs)).join('\n');
      const made = sh('ls /run/netns').split('\n').filter((name) => name.startsWith('race-'));
      assert.equal(made.length, 2, `made ${made.join(' ')}:\n${why}`);
      assert.equal(codes.filter((code) => code === '0').length, 2);
      for (const name of made) sh(`ip netns del ${name}`);
      noPolicy();
    });
  });

  describe('the policy file', () => {
    after(() => noPolicy());

    it('host_changes=yes with host_prefixes: host ends only with addresses inside the listed prefixes', async () => {
      setPolicy('# test\nhost_changes=yes\nhost_prefixes=10.99.0.0/16 fd99::/16\n');
      assert.equal(box.helper(['netns-add', 'pfx-a']).status, 0);
      refused(box.helper(['veth-add', 'netns:pfx-a', 'pfxa0', 'host', 'pfxh0', 'none', '128.0.0.1/1']), 'host_prefixes', '128.0.0.1/1');
      refused(box.helper(['veth-add', 'netns:pfx-a', 'pfxa0', 'host', 'pfxh0', 'none', '10.99.0.1/15']), 'host_prefixes', 'a wider prefix');
      refused(box.helper(['veth-add', 'netns:pfx-a', 'pfxa1', 'host', 'pfxh1', 'none', 'fd98::1/64']), 'host_prefixes', 'IPv6 outside');
      assert.doesNotMatch(links(), /pfxh0|pfxh1/);
      const ok = box.helper(['veth-add', 'netns:pfx-a', 'pfxa0', 'host', 'pfxh0', 'none', '10.99.1.1/24']);
      assert.equal(ok.status, 0, ok.stderr);
      assert.equal(box.helper(['veth-add', 'netns:pfx-a', 'pfxa1', 'host', 'pfxh1', 'none', 'fd99::1/64']).status, 0);
      assert.match(sh('ip -o addr show dev pfxh0'), /inet 10\.99\.1\.1\/24/);
      assert.match(sh('ip -o addr show dev pfxh1'), /inet6 fd99::1\/64/);
      refused(box.helper(['capture', 'host', 'pfxh0']), 'host_capture', 'capture is its own setting');
      assert.equal(box.helper(['netns-del', 'pfx-a']).status, 0);
      // The kernel takes the pairs down with the namespace, in its own time (cleanup_net).
      await waitFor('the host ends to go with their peers\' namespace', () => (/pfxh0|pfxh1/.test(links()) ? undefined : true), 10_000);
    });

    it('a policy file that is not root\'s alone, or not valid, is ignored with a message: the strict defaults hold', () => {
      const cases: [string, () => void, RegExp][] = [
        ['group-writable', () => setPolicy('host_changes=yes\n', '0664'), /is writable by group or others/],
        ['owned by nobody', () => (setPolicy('host_changes=yes\n'), sh(`chown ${NOBODY} ${POLICY}`)), /is not owned by root/],
        ['a folder others may write', () => (setPolicy('host_changes=yes\n'), sh('chmod 0777 /etc/nsinspect')), /\/etc\/nsinspect is writable by group or others/],
        ['a symbolic link', () => (noPolicy(), sh(`mkdir -p /etc/nsinspect && printf 'host_changes=yes\\n' >/run/nsi-sandbox/p && ln -s /run/nsi-sandbox/p ${POLICY}`)), /is a symbolic link/],
        ['an unknown setting', () => setPolicy('host_changes=yes\nallow_everything=yes\n'), /line 2 of \/etc\/nsinspect\/helper-policy is not a valid setting/],
        ['a bad value', () => setPolicy('host_changes=maybe\n'), /line 1 .* is not a valid setting/],
        ['a bad prefix', () => setPolicy('host_changes=yes\nhost_prefixes=10.0.0.0/33\n'), /line 2 .* is not a valid setting/],
      ];
      for (const [label, make, why] of cases) {
        make();
        const run = box.helper(['link-set', 'host', 'lo', 'up']);
        assert.equal(run.status, 78, `${label}: ${run.stderr}`);
        assert.match(run.stderr, new RegExp(`^nsinspect-helper: ignoring the policy: [^\\n]*${why.source}[^\\n]*\\(the strict defaults apply\\)\\n`), label);
        assert.match(run.stderr, /refused by policy \(rule host_changes\)/, label);
        noPolicy();
      }
    });
  });

  it('capture signals only its own live child: tcpdump exiting first (stdout closed) is reaped and never signalled', async () => {
    sh('ip netns add sup-a && ip -n sup-a link add supa0 type veth peer name supa1 && ip -n sup-a link set supa0 up && ip -n sup-a link set supa1 up && ip -n sup-a addr add 10.63.0.1/24 dev supa0');
    const log = '/run/nsi-sandbox/strace-capture';
    const capture = box.spawn(box.argv(['strace', '-f', '-q', '-e', 'trace=kill,wait4,execve', '-o', log, SANDBOX_HELPER, 'capture', 'netns:sup-a', 'supa1']));
    let stderr = '';
    capture.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => capture.on('close', resolve));
    await waitFor('tcpdump to listen', () => (stderr.includes('listening on') ? true : undefined), 15_000);
    capture.stdout!.destroy(); // the caller closes the pcap's pipe: tcpdump dies of SIGPIPE at its next packet
    const tcpdump = () => /^(\d+) +execve\("[^"]*tcpdump"/m.exec(sh(`cat ${log}`))?.[1];
    const pid = tcpdump();
    assert.ok(pid, 'tcpdump ran');
    const reapedAt = (trace: string[]) => trace.findIndex((line) => new RegExp(`wait4(\\(| resumed>).*\\) = ${pid}$`).test(line));
    await waitFor('tcpdump to exit and be reaped', () => {
      sh(`ip netns exec sup-a ping -c 1 -W 1 -I supa0 10.63.0.2 >/dev/null 2>&1 || true`);
      return reapedAt(sh(`cat ${log}`).split('\n')) >= 0 ? true : undefined;
    }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    capture.stdin!.end();
    await exited;
    const trace = sh(`cat ${log}`).split('\n');
    const reaped = reapedAt(trace);
    assert.ok(new RegExp(`^${pid} +\\+\\+\\+ (exited|killed by SIGPIPE)`).test(trace.find((line) => new RegExp(`^${pid} +\\+\\+\\+`).test(line)) ?? ''), `tcpdump ended by itself:\n${trace.join('\n')}`);
    const killedAfter = trace.slice(reaped).filter((line) => new RegExp(`\\bkill\\(${pid},`).test(line));
    assert.deepEqual(killedAfter, [], 'a kill of a PID already reaped (free to be reused)');
    sh('ip netns del sup-a');
  });

  it('veth-add puts the host end in the host even when a namespace is named like the helper\'s PID', () => {
    sh('ip netns add hostref-a && ip netns add 1');
    // The helper as PID 1 of a new PID namespace: its $$ is 1, and /run/netns/1 exists.
    const run = box.sync(box.argv(['unshare', '--pid', '--fork', '--mount-proc', SANDBOX_HELPER, 'veth-add', 'netns:hostref-a', 'hra0', 'host', 'hrh0']));
    assert.equal(run.status, 0, run.stderr);
    assert.match(links(), /: hrh0@/, 'the host end is in the host');
    assert.doesNotMatch(links('1'), /hrh0/, 'not in the namespace named 1');
    sh('ip link del hrh0; ip netns del 1; ip netns del hostref-a');
  });
});
