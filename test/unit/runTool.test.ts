// The one runner, with real processes: argv never through a shell, failures that say why, and the
// three ways a run is ended by us (timeout, cancellation, the output cap) really end the process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCancellation, runProgram, runTool, startProgram, ToolError } from '../../src/core/exec/runTool';
import { runLogger, setRunLogger } from '../../src/core/exec/runLog';

/** A logger that keeps its lines. */
function lines(): { log: { debug(line: string): void }; lines: string[] } {
  const kept: string[] = [];
  return { log: { debug: (line: string) => kept.push(line) }, lines: kept };
}

/** Whether a PID is alive (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A shell that writes its PID to a file and then sleeps: the test checks the sleeper dies. */
function sleeper(dir: string, name: string, extra = ''): { argv: string[]; pid: () => number } {
  const file = join(dir, name);
  return {
    argv: ['sh', '-c', `${extra}echo $$ > ${file}.tmp && mv ${file}.tmp ${file} && exec sleep 30`],
    pid: () => Number(readFileSync(file, 'utf8')),
  };
}

async function waitForFile(file: string): Promise<void> {
  for (let i = 0; !existsSync(file); i++) {
    assert.ok(i < 200, `${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('passes arguments as argv, never through a shell', async () => {
  const { stdout } = await runTool('printf', ['%s|', 'a;b', '$(id)', '*']);
  assert.equal(stdout, 'a;b|$(id)|*|');
});

test('stdin text reaches the program', async () => {
  const { stdout } = await runTool('cat', [], { input: 'link show\nlink set lo up\n' });
  assert.equal(stdout, 'link show\nlink set lo up\n');
});

test('a non-zero exit becomes a ToolError carrying stderr and the exit code', async () => {
  const error = await runTool('sh', ['-c', 'echo "no such namespace" >&2; exit 3']).catch((e: unknown) => e);
  assert.ok(error instanceof ToolError);
  assert.equal(error.exitCode, 3);
  assert.equal(error.stderr, 'no such namespace');
  assert.equal(error.message, 'sh failed: no such namespace');
  assert.deepEqual(error.argv, ['sh', '-c', 'echo "no such namespace" >&2; exit 3']);
});

test('runProgram gives a non-zero exit as a result, not an error', async () => {
  const result = await runProgram(['sh', '-c', 'echo out; echo err >&2; exit 4']);
  assert.equal(result.exitCode, 4);
  assert.equal(result.signal, null);
  assert.equal(result.stdout, 'out\n');
  assert.equal(result.stderr, 'err\n');
  assert.ok(result.durationMs > 0);
});

test('a program that does not exist: a clear ToolError, and the log line says so', async () => {
  const { log, lines: logged } = lines();
  await assert.rejects(runTool('nsinspect-no-such-program', ['--x'], { log }), (error: unknown) => {
    assert.ok(error instanceof ToolError);
    assert.equal(error.reason, 'notFound');
    assert.match(error.message, /^nsinspect-no-such-program failed: program not found \(is it installed and on PATH\? .*ENOENT\)$/);
    return true;
  });
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^run: nsinspect-no-such-program --x → program not found in \d+ ms$/);
});

test('a timeout kills the program (SIGTERM, then SIGKILL for one that ignores it) and says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-run-'));
  try {
    const { log, lines: logged } = lines();
    const run = sleeper(dir, 'timeout', 'trap "" TERM; ');
    const started = Date.now();
    // An ignored SIGTERM stays ignored across exec: only the SIGKILL that follows ends it.
    const error = await runProgram(run.argv, { timeoutMs: 500, log }).catch((e: unknown) => e);
    const took = Date.now() - started;
    assert.ok(error instanceof ToolError);
    assert.equal(error.reason, 'timedOut');
    assert.equal(error.message, 'sh failed: timed out after 500 ms');
    assert.ok(took < 6_000, `it waited ${took} ms`);
    for (let i = 0; alive(run.pid()); i++) {
      assert.ok(i < 100, 'the program outlived its timeout');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.match(logged[0], /^run: sh -c .* → timed out after 500 ms, killed in \d+ ms$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('aborting the signal kills the program at once, even when a grandchild keeps its pipes open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-run-'));
  try {
    const { log, lines: logged } = lines();
    const run = sleeper(dir, 'abort', 'sleep 30 & ');
    const controller = new AbortController();
    const running = runProgram(run.argv, { signal: controller.signal, log });
    await waitForFile(join(dir, 'abort'));
    const pid = run.pid();
    assert.ok(alive(pid));
    const started = Date.now();
    controller.abort();
    const error = await running.catch((e: unknown) => e);
    assert.ok(Date.now() - started < 3_000, 'it waited for the grandchild');
    assert.ok(error instanceof ToolError);
    assert.equal(error.reason, 'cancelled');
    assert.ok(isCancellation(error));
    for (let i = 0; alive(pid); i++) {
      assert.ok(i < 100, 'the program outlived the cancellation');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.match(logged[0], /^run: sh -c .* → cancelled, killed in \d+ ms$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a signal aborted before the start runs nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-run-'));
  try {
    const marker = join(dir, 'ran');
    await assert.rejects(runProgram(['touch', marker], { signal: AbortSignal.abort() }), (error: unknown) => isCancellation(error));
    assert.equal(existsSync(marker), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('more output than the cap ends the program and rejects; exactly the cap is kept', async () => {
  const { log, lines: logged } = lines();
  const started = Date.now();
  await assert.rejects(runProgram(['sh', '-c', 'head -c 3000000 /dev/zero; exec sleep 30'], { maxOutputBytes: 1_000_000, log }), (error: unknown) => {
    assert.ok(error instanceof ToolError);
    assert.equal(error.reason, 'outputCap');
    assert.equal(error.message, 'sh wrote more than 1000000 bytes: stopped reading');
    return true;
  });
  assert.ok(Date.now() - started < 10_000, 'it did not wait for the child to finish');
  assert.match(logged[0], /→ wrote more than 1000000 bytes, killed in \d+ ms$/);
  const small = await runProgram(['sh', '-c', 'head -c 1000000 /dev/zero'], { maxOutputBytes: 1_000_000 });
  assert.equal(small.exitCode, 0);
  assert.equal(small.stdout.length, 1_000_000);
  // stderr has a cap of its own.
  await assert.rejects(runProgram(['sh', '-c', 'head -c 2000000 /dev/zero >&2'], { maxOutputBytes: 1_000_000 }), /wrote more than 1000000 bytes/);
});

test('the log line: program, argv (quoted, one line), exit code and time; never stdin or the environment', async () => {
  const { log, lines: logged } = lines();
  process.env.NSI_SECRET_FOR_TEST = 'hunter2';
  try {
    await runProgram(['sh', '-c', 'cat >/dev/null; env >/dev/null; exit 2', 'arg with space', 'two\nlines'], { input: 'stdin-secret', log });
  } finally {
    delete process.env.NSI_SECRET_FOR_TEST;
  }
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^run: sh -c 'cat >\/dev\/null; env >\/dev\/null; exit 2' 'arg with space' 'two\\nlines' → exit 2 in \d+ ms$/);
  assert.doesNotMatch(logged[0], /stdin-secret|hunter2/);
});

test('a signal from elsewhere is a result with the signal', async () => {
  const { log, lines: logged } = lines();
  const result = await runProgram(['sh', '-c', 'kill -KILL $$'], { log });
  assert.equal(result.signal, 'SIGKILL');
  assert.equal(result.exitCode, -1);
  assert.match(logged[0], /→ killed by SIGKILL in \d+ ms$/);
  await assert.rejects(runTool('sh', ['-c', 'kill -KILL $$']), /sh failed: killed by SIGKILL/);
});

test('runs log to the process-wide logger when none is given', async () => {
  const { log, lines: logged } = lines();
  const before = runLogger();
  setRunLogger(log);
  try {
    await runTool('true', []);
  } finally {
    setRunLogger(before);
  }
  assert.deepEqual(logged.map((l) => l.replace(/\d+ ms$/, 'N ms')), ['run: true → exit 0 in N ms']);
});

test('a long-running program streams stdout, logs its start and its end, and ends when stdin closes', async () => {
  const { log, lines: logged } = lines();
  const running = await startProgram(['sh', '-c', 'echo first; cat >/dev/null; echo bye >&2'], { log });
  assert.match(logged[0], new RegExp(`^run: sh -c .* → started \\(pid ${running.pid}\\)$`));
  const first = await new Promise<string>((resolve) => running.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
  assert.equal(first, 'first\n');
  running.stdin.end();
  const result = await running.done;
  assert.equal(result.exitCode, 0);
  assert.equal(result.stderr, 'bye\n');
  assert.equal(logged.length, 2);
  assert.match(logged[1], /^run: sh -c .* → exit 0 in \d+ ms$/);
});

test('a long-running program that does not exist: done rejects with a clear ToolError', async () => {
  const running = await startProgram(['nsinspect-no-such-program']);
  await assert.rejects(running.done, (error: unknown) => error instanceof ToolError && error.reason === 'notFound');
});
