// Issue 13 item 6: a process chooses its argv. 31 processes with 4 MB of argv each took
// `nsinspect discover --json` from 49 MB to 714 MB peak and a 130 MB JSON. What is kept per
// process is at most CMDLINE_CAP bytes, marked as cut, in the native scan (the command line), the
// helper's snapshot and the parsers; the snapshot's whole output has a cap of its own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { discover } from '../../src/core/discovery/discover';
import { parseHelperSnapshot } from '../../src/core/discovery/helperSnapshot';
import { CMDLINE_CAP } from '../../src/core/parsers/cmdline';
import { NamespaceLab, waitFor } from './support/namespaces';
import { HELPER } from './support/helperRun';

const PROCESSES = 31;
const MARK = 'nsi-snapshot-caps-argv';
// 31 arguments of 128 KiB (MAX_ARG_STRLEN) less their NUL: 4 MB, with a stack limit that lets
// execve take that much (a quarter of RLIMIT_STACK).
const BIG_ARGV = `exec { "perl" } "perl", "-e", "sleep 600", "${MARK}", ("x" x 131071) x 31`;

interface JsonProcess {
  pid: number;
  cmdline: string[];
  cmdlineTruncated: boolean;
}

/** Runs argv under /usr/bin/time; its peak resident memory in KiB and its stdout. */
function measured(argv: string[]): { status: number | null; stdout: string; stderr: string; peakKiB: number } {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const lines = run.stderr.trim().split('\n');
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, peakKiB: Number(lines[lines.length - 1]) };
}

function assertCut(processes: JsonProcess[], pids: number[]): void {
  for (const pid of pids) {
    const p = processes.find((candidate) => candidate.pid === pid);
    assert.ok(p, `process ${pid} is in the result`);
    assert.deepEqual(p.cmdline.slice(0, 4), ['perl', '-e', 'sleep 600', MARK]);
    assert.ok(Buffer.byteLength(p.cmdline.join('\0')) <= CMDLINE_CAP, `process ${pid}: ${Buffer.byteLength(p.cmdline.join('\0'))} bytes kept`);
    assert.equal(p.cmdlineTruncated, true, `process ${pid} is marked as cut`);
  }
}

describe('command lines are capped per process, the snapshot as a whole (issue 13, item 6)', () => {
  const lab = new NamespaceLab();
  const pids: number[] = [];
  let short = 0;
  after(() => lab.cleanup());

  before(async () => {
    assert.ok(existsSync('dist/cli.js'), 'dist/cli.js is missing: run npm run build');
    for (let i = 0; i < PROCESSES; i++) {
      pids.push(lab.start(['prlimit', '--stack=67108864', '--', 'perl', '-e', BIG_ARGV]).pid!);
    }
    // A short one with an empty argument and a space, kept whole and not marked.
    short = lab.start(['perl', '-e', 'sleep 600', `${MARK} b`, '', 'c']).pid!;
    for (const pid of pids) {
      await waitFor(`process ${pid}'s 4 MB argv`, () => (readFileSync(`/proc/${pid}/cmdline`).length > 4_000_000 ? true : undefined), 20000);
    }
  });

  it('the command line (native scan): each cut to 4 KiB and marked, a small JSON, little memory', (t) => {
    const run = measured([process.execPath, 'dist/cli.js', 'discover', '--json']);
    assert.equal(run.status, 0, run.stderr);
    t.diagnostic(`discover --json: peak ${Math.round(run.peakKiB / 1024)} MiB, JSON ${(run.stdout.length / 1e6).toFixed(2)} MB`);
    const processes: JsonProcess[] = JSON.parse(run.stdout).processes;
    assertCut(processes, pids);
    const whole = processes.find((p) => p.pid === short);
    assert.deepEqual([whole?.cmdline, whole?.cmdlineTruncated], [['perl', '-e', 'sleep 600', `${MARK} b`, '', 'c'], false]);
    // Whole, the 31 command lines alone were 124 MB of JSON.
    assert.ok(run.stdout.length < 16_000_000, `JSON of ${run.stdout.length} bytes`);
    assert.ok(run.peakKiB < 250 * 1024, `peak ${run.peakKiB} KiB`);
  });

  it('the helper snapshot: each cut to 4 KiB and listed as cut, a small output, and discovery marks them', async (t) => {
    const run = measured([HELPER, 'snapshot']);
    assert.equal(run.status, 0, run.stderr);
    t.diagnostic(`helper snapshot: peak ${Math.round(run.peakKiB / 1024)} MiB, output ${(run.stdout.length / 1e6).toFixed(2)} MB`);
    assert.ok(run.stdout.length < 16_000_000, `snapshot of ${run.stdout.length} bytes`);
    const cmdlineSection = run.stdout.split('\0@@cmdline\0')[1].split('\0@@')[0];
    for (const pid of pids) {
      const prefix = `/proc/${pid}/cmdline:`;
      const kept = cmdlineSection.split('\0').filter((record) => record.startsWith(prefix)).map((record) => record.slice(prefix.length));
      assert.ok(Buffer.byteLength(kept.join('\0')) <= CMDLINE_CAP, `process ${pid}: ${Buffer.byteLength(kept.join('\0'))} bytes in the snapshot`);
    }
    const cut = run.stdout.split('\0@@cmdlinecut\0')[1].split('\0@@')[0].split('\0').filter(Boolean).map(Number);
    for (const pid of pids) assert.ok(cut.includes(pid), `process ${pid} is listed as cut`);
    const result = await discover({ snapshot: parseHelperSnapshot(run.stdout) });
    assertCut([...result.processes.values()], pids);
    const whole = result.processes.get(short);
    assert.deepEqual([whole?.cmdline, whole?.cmdlineTruncated], [['perl', '-e', 'sleep 600', `${MARK} b`, '', 'c'], false]);
  });

  it('the helper snapshot stops at its total cap: exit 70, a message, no end (here with the cap set to 100000)', () => {
    const dir = mkdtempSync('/tmp/nsi-snapshot-caps-');
    try {
      const helper = `${dir}/nsinspect-helper`;
      const source = readFileSync(HELPER, 'utf8');
      assert.match(source, /^SNAPSHOT_CAP=134217728$/m);
      writeFileSync(helper, source.replace(/^SNAPSHOT_CAP=134217728$/m, 'SNAPSHOT_CAP=100000'), { mode: 0o755 });
      const run = spawnSync(helper, ['snapshot'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
      assert.equal(run.status, 70, run.stderr);
      assert.match(run.stderr, /^nsinspect-helper: the snapshot passed its cap of 100000 bytes; stopped there\n$/);
      assert.equal(run.stdout.length, 100000);
      assert.ok(!run.stdout.includes('\0@@end\0'));
      assert.throws(() => parseHelperSnapshot(run.stdout), /incomplete/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
