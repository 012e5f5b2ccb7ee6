import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setLogSink } from '@base-shift/core';
import { createLogger, pinoLogSink, PinoLoggerService } from '@base-shift/observability';
import { AppModule } from './app.module';
import type { ControlPlaneConfig } from './config/control-plane-config';
import { setupOpenApi } from './http/openapi';
import { ProblemDetailsFilter } from './http/problem-details.filter';

/** Builds the app without listening, so tests and main share one wiring. */
export async function createControlPlaneApp(config: ControlPlaneConfig): Promise<INestApplication> {
  const pino = createLogger({ level: config.logLevel, service: 'control-plane' });
  // Before anything logs: the libs' loggers and Nest's write the same JSON log.
  setLogSink(pinoLogSink(pino));
  const logger = new PinoLoggerService(pino);
  Logger.overrideLogger(logger);
  const app = await NestFactory.create(AppModule.forRoot(config), { logger, bufferLogs: false, abortOnError: false });
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app);
  app.enableShutdownHooks();
  return app;
}
