import { parseArgs } from 'node:util';
import { discover } from '../core/discovery/discover';
import { isNsType, NS_TYPES } from '../core/model/nsType';
import type { NsType } from '../core/model/nsType';
import { resultToJson } from '../core/model/toJson';
import { formatTable } from './formatTable';
import { formatContainers } from './formatContainers';
import { ContainerCatalog } from '../core/containers/containerCatalog';
import { containerToJson, listContainers } from '../core/model/containerJson';
import { JSON_SCHEMA_VERSION } from '../core/model/toJson';
import { INSPECT_HELP, INSPECT_USAGE_LINE, runInspect } from './inspectCommand';

/** Exit code for bad input: a clear one-line error, nothing done. */
export const EXIT_USAGE = 2;

const USAGE = `usage: nsinspect discover [--json [--pretty]] [--type TYPE]... [--pid PID]
       nsinspect containers [--json [--pretty]]
${INSPECT_USAGE_LINE}
  discover       every namespace, with its container as engine:name
  containers     every container with processes here: engine, name, image, state, pod
${INSPECT_HELP}
  --json         print the model as JSON on one line (schema in the README)
  --pretty       indent the JSON
  --type TYPE    only namespaces of TYPE (${NS_TYPES.join(', ')}); repeatable
  --pid PID      only the namespaces process PID is in`;

class UsageError extends Error {}

interface Writable {
  write(chunk: string): unknown;
}

/** The command line: returns the exit code; writes its output to the streams given. */
export async function runCli(argv: string[], out: Writable, err: Writable): Promise<number> {
  // inspect has options of its own (src/cli/inspectCommand.ts).
  if (argv[0] === 'inspect') return runInspect(argv.slice(1), out, err);
  let request: ReturnType<typeof parseRequest>;
  try {
    request = parseRequest(argv);
  } catch (error) {
    err.write(`nsinspect: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (request === 'help') {
    out.write(`${USAGE}\n`);
    return 0;
  }
  // A process of its own: the scan need not yield to this thread (see ScanRequest.nice).
  const result = await discover({ scanNice: 0 });
  if (request.pid !== undefined && !result.processes.has(request.pid)) {
    err.write(`nsinspect: no process with PID ${request.pid} (it does not exist, exited, or is not visible to you)\n`);
    return EXIT_USAGE;
  }
  // The engines' names for the containers found (each engine bounded by a short timeout).
  const catalog = new ContainerCatalog({ log: (line) => err.write(`nsinspect: ${line}\n`) });
  await catalog.refresh(result);
  catalog.apply(result);
  if (request.command === 'containers') {
    const listing = () => ({
      schemaVersion: JSON_SCHEMA_VERSION,
      privileged: result.privileged,
      containers: listContainers(result).map(({ container, pids }) => ({ ...containerToJson(container), pids })),
    });
    out.write(request.json ? `${JSON.stringify(listing(), null, request.pretty ? 2 : undefined)}\n` : formatContainers(result));
    return 0;
  }
  const filter = { types: request.types, pid: request.pid };
  const json = () => JSON.stringify(resultToJson(result, filter), null, request.pretty ? 2 : undefined);
  out.write(request.json ? `${json()}\n` : formatTable(result, filter));
  return 0;
}

interface Request {
  command: 'discover' | 'containers';
  json: boolean;
  pretty: boolean;
  types: NsType[];
  pid?: number;
}

const COMMANDS = ['discover', 'containers'] as const;
/** For messages: inspect is parsed on its own (inspectCommand.ts). */
const KNOWN = [...COMMANDS, 'inspect'].join(', ');

function parseRequest(argv: string[]): Request | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        pretty: { type: 'boolean' },
        type: { type: 'string', multiple: true },
        pid: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${firstLine((error as Error).message)} (see nsinspect --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const command = COMMANDS.find((known) => known === positionals[0]);
  if (positionals.length !== 1 || !command) {
    throw new UsageError(
      positionals.length ? `unknown command "${positionals[0]}" (known: ${KNOWN})` : `missing command (known: ${KNOWN})`,
    );
  }
  if (command === 'containers' && (values.type !== undefined || values.pid !== undefined)) {
    throw new UsageError('--type and --pid go with discover');
  }
  const types = (values.type ?? []).map((type) => {
    if (!isNsType(type)) throw new UsageError(`unknown namespace type "${type}" (known: ${NS_TYPES.join(', ')})`);
    return type;
  });
  let pid: number | undefined;
  if (values.pid !== undefined) {
    if (!/^[1-9][0-9]{0,9}$/.test(values.pid) || Number(values.pid) > 2 ** 31) {
      throw new UsageError(`--pid takes a process ID (a positive whole number), not "${values.pid}"`);
    }
    pid = Number(values.pid);
  }
  if (values.pretty && !values.json) throw new UsageError('--pretty goes with --json');
  return { command, json: values.json ?? false, pretty: values.pretty ?? false, types, pid };
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
