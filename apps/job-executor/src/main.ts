import { ConfigError } from '@base-shift/config';
import { errorMessage, getLogger, setLogSink } from '@base-shift/core';
import { createLogger, pinoLogSink } from '@base-shift/observability';
import { loadExecutorConfig } from './app/executor-config';
import { ExecutorProcess } from './app/executor-process';

async function main(): Promise<void> {
  const config = loadExecutorConfig();
  const pino = createLogger({ level: config.logLevel, service: 'job-executor' });
  // Before anything logs: every line, the libs' included, goes to one JSON log.
  setLogSink(pinoLogSink(pino));
  const logger = getLogger('Main');
  const executor = new ExecutorProcess(config);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      // Second signal: leave now; leases expire and the reaper redelivers the jobs.
      process.exit(130);
    }
    logger.info(`received ${signal}`);
    executor.stop().then(
      () => {
        pino.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(errorMessage(error), { err: error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  await executor.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`job-executor: ${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
