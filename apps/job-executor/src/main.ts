import { Logger } from '@nestjs/common';
import { ConfigError } from '@base-shift/config';
import { createLogger, PinoLoggerService } from '@base-shift/observability';
import { loadExecutorConfig } from './app/executor-config';
import { ExecutorProcess } from './app/executor-process';

async function main(): Promise<void> {
  const config = loadExecutorConfig();
  const logger = new PinoLoggerService(createLogger({ level: config.logLevel, service: 'job-executor' }));
  Logger.overrideLogger(logger);
  const executor = new ExecutorProcess(config);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      // Second signal: leave now; leases expire and the reaper redelivers the jobs.
      process.exit(130);
    }
    new Logger('Main').log(`received ${signal}`);
    executor.stop().then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        new Logger('Main').error(error as Error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  await executor.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`job-executor: ${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
