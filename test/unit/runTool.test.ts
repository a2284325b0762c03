import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTool, ToolError } from '../../src/core/exec/runTool';

test('passes arguments as argv, never through a shell', async () => {
  const { stdout } = await runTool('printf', ['%s|', 'a;b', '$(id)', '*']);
  assert.equal(stdout, 'a;b|$(id)|*|');
});

test('a non-zero exit becomes a ToolError carrying stderr and the exit code', async () => {
  const error = await runTool('sh', ['-c', 'echo "no such namespace" >&2; exit 3']).catch((e: unknown) => e);
  assert.ok(error instanceof ToolError);
  assert.equal(error.exitCode, 3);
  assert.equal(error.stderr, 'no such namespace');
  assert.equal(error.message, 'sh failed: no such namespace');
  assert.deepEqual(error.argv, ['sh', '-c', 'echo "no such namespace" >&2; exit 3']);
});

test('a program that does not exist becomes a ToolError', async () => {
  await assert.rejects(runTool('nsinspect-no-such-program', []), (error: unknown) => {
    assert.ok(error instanceof ToolError);
    assert.match(error.message, /nsinspect-no-such-program failed: .*ENOENT/);
    return true;
  });
});

test('a cancelled run becomes a ToolError', async () => {
  const controller = new AbortController();
  const running = runTool('sleep', ['5'], { signal: controller.signal });
  controller.abort();
  await assert.rejects(running, ToolError);
});
