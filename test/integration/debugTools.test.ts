// The host's tools pointed at real Docker and Podman container processes through the same argv
// builders the editor uses: strace sees the container's syscalls, gdb attaches with the
// container's root as sysroot and prints a backtrace, the helper's capture verb in the
// container's network namespace holds its pings; and the ptrace check says what the kernel says
// (another user's process, a non-dumpable one) before anything starts. Run as root.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gdbArgv, straceArgv, captureCommandArgv } from '../../src/core/debugTools/debugArgv';
import { readPtraceFacts } from '../../src/core/debugTools/ptraceFacts';
import { ptraceRefusal } from '../../src/core/debugTools/ptraceRefusal';
import { helperArgv } from '../../src/core/helper/helperArgv';
import { EngineLab, IMAGE, PODMAN_RUN_FLAGS, TAG, must, run } from './support/engines';
import { HELPER } from './support/helperRun';
import { waitFor } from './support/namespaces';

const lab = new EngineLab();
const LOOP = ['/bin/busybox', 'sh', '-c', 'while :; do echo tick; sleep 0.2; done'];
const DOCKER = `${TAG}-debug-docker`;
const PODMAN = `${TAG}-debug-podman`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nsi-debugtools-'));

/** A /proc file's text, or '' when it cannot be read (yet). */
function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Runs argv until it ends or `ms` pass (then SIGINT: strace and gdb detach on it); its output. */
async function runUntilClosed(argv: string[], ms: number): Promise<string> {
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGINT'), ms);
  await closed;
  clearTimeout(timer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The helper's capture verb (argv from helperArgv, as the editor builds it) while `traffic` runs. */
async function capture(pid: number, ifName: string, traffic: () => void): Promise<string> {
  const file = path.join(work, `capture-${pid}-${ifName}.pcap`);
  const child = spawn(HELPER, helperArgv({ verb: 'capture', target: { kind: 'pid', pid }, ifName }), { stdio: ['pipe', 'pipe', 'pipe'] });
  const out = fs.createWriteStream(file);
  // Listened for from the start: the file can be closed before the helper's 'close' event comes.
  const written = new Promise<void>((resolve) => out.on('close', () => resolve()));
  child.stdout.pipe(out);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = new Promise((resolve) => child.on('close', resolve));
  try {
    await waitFor('tcpdump to listen', () => (stderr.includes('listening on') ? true : undefined), 15_000);
    traffic();
    // tcpdump -U writes each packet as it comes: the file holds the pings once it reads them back.
    await waitFor('the pings in the capture', () => {
      const read = run(['tcpdump', '-n', '-r', file]).stdout;
      return read.includes('ICMP echo request') && read.includes('ICMP echo reply') ? true : undefined;
    }, 10_000);
  } finally {
    // The capture ends when its stdin closes, also when the traffic failed.
    child.stdin.end();
  }
  assert.equal(await closed, 0, stderr);
  await written;
  return must(['tcpdump', '-n', '-r', file]);
}

function tools(engine: string, start: () => number, ping: () => { ifName: string; send: () => void }): void {
  describe(engine, () => {
    let pid = 0;
    before(() => {
      pid = start();
      assert.ok(pid > 0);
    });

    it('the ptrace check lets root attach', () => {
      assert.equal(ptraceRefusal(pid, readPtraceFacts(pid)), undefined);
    });

    it('strace -f -p HOSTPID shows the container process making syscalls', async () => {
      const out = await runUntilClosed(straceArgv(pid), 2500);
      assert.match(out, new RegExp(`strace: Process ${pid} attached`));
      assert.match(out, /write\(1, "tick\\n", 5\) += 5/, out.slice(0, 2000));
      assert.ok(fs.existsSync(`/proc/${pid}`), 'the process runs on after strace detached');
    });

    it('gdb -p HOSTPID with the container root as sysroot prints a backtrace (batch)', () => {
      const argv = gdbArgv(pid, ['info inferiors', 'bt']);
      assert.deepEqual(argv.slice(0, 6), ['gdb', '-q', '-iex', `set sysroot /proc/${pid}/root`, '-p', String(pid)]);
      const result = run(argv, { timeoutMs: 60_000 });
      const out = result.stdout + result.stderr;
      assert.match(out, /^#0 +0x[0-9a-f]+ in /m, out.slice(0, 3000));
      assert.match(out, new RegExp(`process ${pid}`));
      assert.ok(fs.existsSync(`/proc/${pid}`), 'the process runs on after gdb detached');
    });

    it("the helper's capture in its network namespace holds the container's pings", async () => {
      const { ifName, send } = ping();
      const packets = await capture(pid, ifName, send);
      assert.match(packets, /ICMP echo request/, packets);
      assert.match(packets, /ICMP echo reply/, packets);
    });

    it('the copied capture command line enters its network namespace by the host PID', () => {
      assert.deepEqual(captureCommandArgv(pid, 'x.pcap'), ['nsenter', `--net=/proc/${pid}/ns/net`, '--', 'tcpdump', '-U', '-n', '-i', 'any', '-w', 'x.pcap']);
      // That namespace is the container's, not the host's.
      assert.notEqual(fs.readlinkSync(`/proc/${pid}/ns/net`), fs.readlinkSync('/proc/self/ns/net'));
    });
  });
}

describe('host tools pointed at container processes', { timeout: 300_000 }, () => {
  before(async () => {
    await lab.docker();
    await lab.podman();
  });
  after(async () => {
    run(['docker', 'rm', '-f', DOCKER]);
    run(['podman', 'rm', '-f', '-t', '0', PODMAN]);
    fs.rmSync(work, { recursive: true, force: true });
    await lab.cleanup();
  });

  tools(
    'Docker',
    () => {
      lab.dockerRun(DOCKER, [], LOOP);
      return Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', DOCKER]).trim());
    },
    () => {
      const gateway = must(['docker', 'inspect', '-f', '{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}', DOCKER]).trim();
      return { ifName: 'eth0', send: () => must(['docker', 'exec', DOCKER, '/bin/busybox', 'ping', '-c', '3', '-W', '1', gateway]) };
    },
  );
  tools(
    'Podman',
    () => {
      must(['podman', 'run', '-d', ...PODMAN_RUN_FLAGS, '--network', 'none', '--cap-add', 'NET_RAW', '--name', PODMAN, `localhost/${IMAGE}`, ...LOOP]);
      return Number(must(['podman', 'inspect', '-f', '{{.State.Pid}}', PODMAN]).trim());
    },
    () => ({ ifName: 'lo', send: () => must(['podman', 'exec', PODMAN, '/bin/busybox', 'ping', '-c', '3', '-W', '1', '127.0.0.1']) }),
  );

  describe('the ptrace check agrees with the kernel', () => {
    let sleeper: ReturnType<typeof spawn> | undefined;
    after(() => sleeper?.kill('SIGKILL'));

    /** Runs the check as UID 65534 (a fresh node without CAP_SYS_PTRACE) against pid. */
    function checkAsNobody(pid: number): string {
      const script = `const {readPtraceFacts}=require(${JSON.stringify(path.resolve('src/core/debugTools/ptraceFacts.ts'))});const {ptraceRefusal}=require(${JSON.stringify(path.resolve('src/core/debugTools/ptraceRefusal.ts'))});process.stdout.write(String(ptraceRefusal(${pid}, readPtraceFacts(${pid}))?.reason))`;
      return must(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', process.execPath, '--import', 'tsx', '-e', script], { env: { ...process.env, HOME: '/tmp' } });
    }

    it("another user's process (a root container process, checked as nobody): otherUser, and strace is refused", () => {
      const pid = Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', DOCKER]).trim());
      assert.equal(checkAsNobody(pid), 'otherUser');
      const strace = run(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', ...straceArgv(pid)], { timeoutMs: 10_000 });
      assert.match(strace.stderr, /Operation not permitted/);
    });

    it('a non-dumpable process of the same user: notDumpable, and strace is refused', async () => {
      // perl as nobody: prctl(PR_SET_DUMPABLE, 0) (syscall 157 on x86-64), then sleeps.
      sleeper = spawn('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', 'perl', '-e', 'syscall(157, 4, 0) == 0 or die; sleep 60'], { stdio: 'ignore' });
      const pid = sleeper.pid!;
      // Past the prctl once perl sleeps: in nanosleep or clock_nanosleep (35, 230 on x86-64).
      await waitFor('perl to sleep', () => (['35', '230'].includes(readOr(`/proc/${pid}/syscall`).split(' ')[0]) ? true : undefined), 10_000);
      assert.equal(fs.statSync(`/proc/${pid}/mem`).uid, 0, "the kernel gives a non-dumpable process's /proc files to root");
      assert.equal(fs.statSync(`/proc/${pid}`).uid, 65534, 'but not its /proc/PID directory');
      assert.equal(checkAsNobody(pid), 'notDumpable');
      const strace = run(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', ...straceArgv(pid)], { timeoutMs: 10_000 });
      assert.match(strace.stderr, /Operation not permitted/);
      // And root (CAP_SYS_PTRACE) may.
      assert.equal(ptraceRefusal(pid, readPtraceFacts(pid)), undefined);
    });
  });
});
