import { runCli } from './runCli';

runCli(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`nsinspect: ${(error as Error).message ?? error}\n`);
    process.exitCode = 1;
  },
);
