import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '@base-shift/config';
import { currentLogContext } from './log-context';

/** Field paths whose values never reach a log line, wherever they appear. */
export const REDACTED_PATHS = [
  'password',
  'secret',
  'token',
  'authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export interface LoggerOptions {
  level: LogLevel;
  service: string;
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      // Direct pino calls get the ambient request/workflow/job fields too.
      mixin: () => currentLogContext() ?? {},
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

/**
 * Nest's logger (a LoggerService by shape): lets Nest's own lines and the apps'
 * `new Logger(Class.name)` calls write through one pino instance, as JSON lines
 * with the class as `context`. Libs log through `pinoLogSink` instead.
 */
export class PinoLoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  flush(): void {
    this.logger.flush();
  }

  // Nest passes the context as the last string argument, and for errors a stack before it.
  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    for (const arg of args) {
      if (typeof arg === 'string' && level === 'error' && arg.includes('\n    at ')) fields['stack'] = arg;
      else if (typeof arg === 'string') text = text ?? arg;
      else if (arg && typeof arg === 'object') Object.assign(fields, arg);
    }
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, text ?? message.message);
    else if (message && typeof message === 'object') this.logger[level]({ ...fields, ...message }, text);
    else this.logger[level](fields, String(message));
  }
}
