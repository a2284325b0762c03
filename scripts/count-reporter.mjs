// A node:test reporter that writes {passed, failed, skipped, todo, failures} as JSON, so the test
// orchestrator can add the layers up. Skipped and todo tests are reported separately: they never
// count as passed.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Suites report too; count only leaf tests.
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip) counts.skipped++;
    else if (event.data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      // The file and the error's first lines: npm test repeats them at its end, where a CI log's
      // tail shows them.
      const error = event.data.details?.error;
      const cause = error?.cause ?? error;
      counts.failures.push({ name: event.data.name, file: event.data.file, error: firstLines(cause?.stack ?? cause?.message ?? String(cause ?? '')) });
    }
  }
  yield JSON.stringify(counts) + '\n';
}

function firstLines(text) {
  return String(text).split('\n').slice(0, 4).join('\n');
}
