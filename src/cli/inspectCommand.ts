// `nsinspect inspect PID [--json [--pretty]] [--environment]`: the Inspect Process facts of one
// process (src/core/inspect), as text or as JSON (docs/inspect.schema.json). Discovery runs first
// for the container attribution and the engines' names. The environment only with --environment.
import { parseArgs } from 'node:util';
import { discover } from '../core/discovery/discover';
import { ContainerCatalog } from '../core/containers/containerCatalog';
import { containerOfProcess } from '../core/inspect/containerOfProcess';
import { inspectProcess, ProcessGoneError } from '../core/inspect/inspectProcess';
import { formatInspect } from './formatInspect';

export const INSPECT_USAGE_LINE = '       nsinspect inspect PID [--json [--pretty]] [--environment]';
export const INSPECT_HELP = `  inspect        one process: PIDs in each PID namespace, IDs, capabilities, seccomp, LSM,
                 cgroup limits, rlimits, sockets, mounts (JSON schema: docs/inspect.schema.json)
  --environment  also its environment (it may hold secrets: only when asked)`;

interface Writable {
  write(chunk: string): unknown;
}

const EXIT_USAGE = 2;

export async function runInspect(argv: string[], out: Writable, err: Writable): Promise<number> {
  let values: { json?: boolean; pretty?: boolean; environment?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, pretty: { type: 'boolean' }, environment: { type: 'boolean' } } }));
  } catch (error) {
    err.write(`nsinspect: ${(error as Error).message.split('\n')[0]} (see nsinspect --help)\n`);
    return EXIT_USAGE;
  }
  if (positionals.length !== 1 || !/^[1-9][0-9]{0,9}$/.test(positionals[0]) || Number(positionals[0]) > 2 ** 31) {
    err.write(`nsinspect: inspect takes one process ID (a positive whole number)${positionals.length ? `, not "${positionals.join(' ')}"` : ''}\n`);
    return EXIT_USAGE;
  }
  if (values.pretty && !values.json) {
    err.write('nsinspect: --pretty goes with --json\n');
    return EXIT_USAGE;
  }
  const pid = Number(positionals[0]);
  const result = await discover({ scanNice: 0 });
  const catalog = new ContainerCatalog({ log: (line) => err.write(`nsinspect: ${line}\n`) });
  if (result.processes.get(pid)?.container) {
    await catalog.refresh(result);
    catalog.apply(result);
  }
  let report;
  try {
    report = inspectProcess(pid, { container: containerOfProcess(result, pid), withEnvironment: values.environment ?? false });
  } catch (error) {
    if (!(error instanceof ProcessGoneError)) throw error;
    err.write(`nsinspect: ${error.message}\n`);
    return EXIT_USAGE;
  }
  out.write(values.json ? `${JSON.stringify(report, null, values.pretty ? 2 : undefined)}\n` : formatInspect(report));
  return 0;
}
