// Runs one program with an argv array and stdin text through the one runner, and wants it to
// succeed: the topology's `ip -b -` and nsenter runs. Failures carry stderr (a ToolError).
import { runTool } from '../exec/runTool';

export async function runArgv(argv: readonly string[], input: string, signal?: AbortSignal, timeoutMs = 20_000): Promise<string> {
  return (await runTool(argv[0], argv.slice(1), { input, signal, timeoutMs })).stdout;
}
