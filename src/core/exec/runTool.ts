
/** A command that failed, with what it printed on stderr so the user sees why. */
export class ToolError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly exitCode: number | undefined,
    readonly stderr: string,
    message: string,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with an argv array (never through a shell), and turns any failure (not found,
 * non-zero exit, killed, cancelled) into a ToolError that names the command and carries stderr.
 */
export async function runTool(
  file: string,
  args: readonly string[],
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ToolOutput> {
  // execa is ESM-only: a dynamic import loads it from CommonJS (esbuild bundles it all the same).
  const { execa, ExecaError } = await import('execa');
  try {
    const { stdout, stderr } = await execa(file, args, {
      cancelSignal: options.signal,
      timeout: options.timeoutMs,
      stripFinalNewline: false,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { stdout, stderr };
  } catch (error) {
    if (error instanceof ExecaError) {
      const stderr = String(error.stderr ?? '').trim();
      const why = stderr || error.shortMessage;
      throw new ToolError([file, ...args], error.exitCode, stderr, `${file} failed: ${why}`);
    }
    throw error;
  }
}
