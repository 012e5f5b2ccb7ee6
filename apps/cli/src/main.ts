import { runCli } from './app/program';

// process.exitCode, not process.exit(): stdout may still be flushing to a pipe.
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bsctl: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
