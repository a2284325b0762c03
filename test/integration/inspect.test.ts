// Inspect Process on real processes and real containers: the facts `nsinspect inspect PID --json`
// gives equal what /proc and the engine say, and every report validates against the documented
// schema (docs/inspect.schema.json). Run as root; containers through the engine lab.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { InspectReport } from '../../src/core/inspect/inspectTypes';
import { decodeCapabilityMask } from '../../src/core/inspect/capabilityNames';
import { DEFAULT_CONTAINER_CAPS } from '../../src/core/inspect/dockerDefaults';
import { EngineLab, TAG, must } from './support/engines';

const require_ = createRequire(__filename);
const Ajv = require_('ajv') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(fs.readFileSync('docs/inspect.schema.json', 'utf8')));

function cli(args: string[]) {
  return spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `nsinspect inspect PID --json`, checked against the schema. */
function inspectJson(pid: number, extra: string[] = []): InspectReport {
  const run = cli(['inspect', String(pid), '--json', ...extra]);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as InspectReport;
  assert.ok(validate(report), `schema: ${JSON.stringify(validate.errors)}`);
  return report;
}

const statusField = (pid: number, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1].trim();

async function waitFor<T>(what: string, read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function childrenOf(pid: number): number[] {
  return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

describe('nsinspect inspect on plain processes', () => {
  before(() => assert.ok(fs.existsSync('dist/cli.js'), 'dist/cli.js is missing: run npm run build'));

  it('bad input: a clear error, exit 2, nothing printed on stdout', () => {
    for (const args of [['inspect'], ['inspect', 'abc'], ['inspect', '0'], ['inspect', '1', '2'], ['inspect', '1', '--pretty'], ['inspect', '1', '--bogus']]) {
      const run = cli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^nsinspect: /);
    }
    const gone = cli(['inspect', '2147483647']);
    assert.equal(gone.status, 2);
    assert.match(gone.stderr, /no process with PID 2147483647/);
  });

  it('a process two PID namespaces deep: its PID in each, its threads, and its parent\'s children', async () => {
    const outer = spawn('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', 'exec unshare --pid --fork --mount-proc sleep 120'], { stdio: 'ignore' });
    try {
      // outer unshare -> (ns 1) unshare -> (ns 2) sleep.
      const middle = await waitFor('the inner unshare', () => childrenOf(outer.pid!).find((p) => fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').startsWith('unshare') && childrenOf(p).length > 0));
      const sleeper = childrenOf(middle)[0];
      await waitFor('sleep', () => (fs.readFileSync(`/proc/${sleeper}/cmdline`, 'utf8').startsWith('sleep') ? true : undefined));
      const report = inspectJson(sleeper);
      const nspid = statusField(sleeper, 'NSpid').split(/\s+/).map(Number);
      assert.equal(nspid.length, 3);
      assert.deepEqual(report.pids.process.nspid, nspid);
      assert.equal(report.pids.process.nspid[2], 1, 'PID 1 of the innermost namespace');
      assert.deepEqual(report.pids.threads.map((t) => t.nspid), [nspid]);
      // The namespaces of the chain, outermost first: the host's, the middle one, its own.
      const inode = (pid: number | string) => Number(/\[(\d+)\]/.exec(fs.readlinkSync(`/proc/${pid}/ns/pid`))![1]);
      assert.deepEqual(report.pids.namespaces, [inode('self'), inode(middle), inode(sleeper)]);
      // The middle process lists the sleeper as its child, translated at every level.
      const parent = inspectJson(middle);
      assert.deepEqual(parent.pids.process.nspid, statusField(middle, 'NSpid').split(/\s+/).map(Number));
      assert.deepEqual(parent.pids.children.map((c) => [c.pid, c.nspid]), [[sleeper, nspid]]);
      // The text form says the same chain.
      assert.match(cli(['inspect', String(sleeper)]).stdout, new RegExp(`process ${nspid.join(' → ')}`));
    } finally {
      outer.kill('SIGKILL');
    }
  });

  it('sockets of its own: a listener and a connection, not the other sockets of its namespace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nsi-inspect-'));
    const script = path.join(dir, 'listen.py');
    fs.writeFileSync(script, 'import socket,time\nl=socket.socket();l.bind(("127.0.0.1",0));l.listen()\nc=socket.create_connection(l.getsockname());a,_=l.accept()\nprint(l.getsockname()[1],flush=True)\ntime.sleep(60)\n');
    const other = spawn('python3', ['-c', 'import socket,time\ns=socket.socket();s.bind(("127.0.0.1",0));s.listen();print(s.getsockname()[1],flush=True);time.sleep(60)'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const child = spawn('python3', [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const firstLine = (p: typeof child) => new Promise<number>((resolve) => p.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
      const [port, otherPort] = await Promise.all([firstLine(child), firstLine(other)]);
      const report = inspectJson(child.pid!);
      const tcp = report.sockets.filter((s) => s.protocol === 'tcp');
      assert.deepEqual(tcp.filter((s) => s.listening).map((s) => s.local), [`127.0.0.1:${port}`]);
      assert.equal(tcp.filter((s) => s.state === 'established').length, 2, 'both ends of its own connection');
      assert.ok(!report.sockets.some((s) => s.local.endsWith(`:${otherPort}`)), 'another process\' listener is not its');
    } finally {
      child.kill('SIGKILL');
      other.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the environment only with --environment; never in the default output', async () => {
    const secret = `nsi-secret-${process.pid}`;
    const child = spawn('sleep', ['60'], { env: { ...process.env, NSI_INSPECT_SECRET: secret }, stdio: 'ignore' });
    try {
      await waitFor('sleep', () => (fs.existsSync(`/proc/${child.pid}`) ? true : undefined));
      const plain = cli(['inspect', String(child.pid), '--json']);
      assert.ok(!plain.stdout.includes(secret) && !plain.stderr.includes(secret));
      assert.equal(JSON.parse(plain.stdout).environment, undefined);
      assert.ok(!cli(['inspect', String(child.pid)]).stdout.includes(secret));
      const report = inspectJson(child.pid!, ['--environment']);
      assert.ok(report.environment?.includes(`NSI_INSPECT_SECRET=${secret}`));
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('nsinspect inspect on real containers', { concurrency: false }, () => {
  const lab = new EngineLab();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nsi-inspect-seccomp-'));
  const profile = path.join(dir, 'profile.json');
  before(() => {
    lab.makeImage();
    // Allow all but mkdir: one filter the kernel counts.
    fs.writeFileSync(profile, JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO' }] }));
  });
  after(async () => {
    await lab.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Docker --cap-drop ALL --cap-add NET_ADMIN, --memory, no-new-privileges, a seccomp profile: what /proc and docker inspect say', async () => {
    await lab.docker();
    const name = `${TAG}-inspect-locked`;
    const id = lab.dockerRun(name, ['--cap-drop', 'ALL', '--cap-add', 'NET_ADMIN', '--memory', '64m', '--security-opt', 'no-new-privileges', '--security-opt', `seccomp=${profile}`]);
    const pid = Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', id]).trim());
    const engine = JSON.parse(must(['docker', 'inspect', id]))[0];
    const report = inspectJson(pid);
    // The container, from the attribution and the engine's names.
    assert.deepEqual([report.container?.engine, report.container?.id, report.container?.name, report.container?.main], ['docker', id, name, true]);
    // Capabilities: NET_ADMIN only, as the engine was told and as /proc has it.
    assert.deepEqual(engine.HostConfig.CapAdd.map((c: string) => c.replace(/^(CAP_)?/, 'CAP_')), ['CAP_NET_ADMIN']);
    for (const [set, field] of [['bounding', 'CapBnd'], ['effective', 'CapEff'], ['permitted', 'CapPrm']] as const) {
      assert.deepEqual(report.capabilities[set].names, ['CAP_NET_ADMIN'], set);
      assert.deepEqual(report.capabilities[set].names, decodeCapabilityMask(statusField(pid, field)));
    }
    assert.deepEqual(report.capabilities.versusDefault.added, ['CAP_NET_ADMIN']);
    assert.deepEqual(report.capabilities.versusDefault.dropped, [...DEFAULT_CONTAINER_CAPS]);
    // no_new_privs and seccomp.
    assert.ok(engine.HostConfig.SecurityOpt.includes('no-new-privileges'));
    assert.equal(report.security.noNewPrivs, true);
    assert.equal(statusField(pid, 'NoNewPrivs'), '1');
    assert.equal(report.security.seccomp, 'filter');
    assert.equal(report.security.seccompFilters, Number(statusField(pid, 'Seccomp_filters')));
    assert.ok(report.security.seccompFilters! >= 1);
    // The memory limit is the engine's, read from the container's cgroup; current use is there.
    const memory = report.cgroup.limits.find((l) => l.resource === 'memory')!;
    assert.equal(engine.HostConfig.Memory, 64 * 1024 * 1024);
    assert.equal(memory.limit, engine.HostConfig.Memory);
    assert.ok(memory.path.includes(id), memory.path);
    assert.ok(memory.current! > 0);
    // Root is the container's own (its /proc/PID/root), the mounts are the container's.
    assert.equal(report.root, fs.readlinkSync(`/proc/${pid}/root`));
    assert.ok(report.mounts.some((m) => m.mountPoint === '/' && m.fsType === 'overlay'), 'its root mount is the overlay');
    assert.equal(report.identity.uids[0].host, 0);
  });

  it('Docker: a default container has exactly the default set (the list in dockerDefaults.ts is Docker\'s)', async () => {
    await lab.docker();
    const id = lab.dockerRun(`${TAG}-inspect-default`);
    const pid = Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', id]).trim());
    const report = inspectJson(pid);
    assert.deepEqual(report.capabilities.versusDefault, { ...report.capabilities.versusDefault, added: [], dropped: [] });
    assert.deepEqual([...report.capabilities.bounding.names].sort(), [...DEFAULT_CONTAINER_CAPS].sort());
    assert.equal(report.security.noNewPrivs, false);
  });

  it('Podman --cap-drop ALL --cap-add NET_ADMIN, --memory, no-new-privileges: what /proc and podman inspect say', async () => {
    await lab.podman();
    const name = `${TAG}-inspect-podman`;
    const id = lab.podmanRun(name, ['--cap-drop', 'ALL', '--cap-add', 'NET_ADMIN', '--memory', '48m', '--security-opt', 'no-new-privileges', '--security-opt', `seccomp=${profile}`]);
    const engine = JSON.parse(must(['podman', 'inspect', id]))[0];
    const pid = engine.State.Pid as number;
    const report = inspectJson(pid);
    assert.deepEqual([report.container?.engine, report.container?.id, report.container?.name], ['podman', id, name]);
    assert.deepEqual(report.capabilities.bounding.names, ['CAP_NET_ADMIN']);
    assert.deepEqual(report.capabilities.bounding.names, decodeCapabilityMask(statusField(pid, 'CapBnd')));
    assert.deepEqual(engine.EffectiveCaps, ['CAP_NET_ADMIN']);
    assert.equal(report.security.noNewPrivs, true);
    assert.equal(report.security.seccomp, 'filter');
    assert.equal(report.security.seccompFilters, Number(statusField(pid, 'Seccomp_filters')));
    const memory = report.cgroup.limits.find((l) => l.resource === 'memory')!;
    assert.equal(memory.limit, engine.HostConfig.Memory);
    assert.equal(memory.limit, 48 * 1024 * 1024);
  });
});
