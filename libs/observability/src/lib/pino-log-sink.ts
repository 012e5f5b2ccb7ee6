import type { LogSink } from '@base-shift/core';
import type { Logger } from 'pino';

/**
 * The apps' sink for the libs' loggers (`getLogger` of @base-shift/core): their
 * lines go through the app's pino instance, so they land in the same JSON log
 * as Nest's, with the writer as `context`, credentials redacted and the
 * ambient request/workflow/job fields added (see createLogger).
 */
export function pinoLogSink(logger: Logger): LogSink {
  return {
    write(level, scope, message, fields) {
      logger[level]({ context: scope, ...fields }, message);
    },
  };
}
