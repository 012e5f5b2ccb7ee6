/**
 * The logging port of every lib. Libs log through `getLogger(scope)`; each app
 * installs its sink once at start (`setLogSink`), so no lib depends on a
 * framework's logger or on how lines are written.
 */
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where log lines go; `scope` names the writer (`JobWorker`, `BackgroundLoop:timers`). */
export interface LogSink {
  write(level: LogLevelName, scope: string, message: string, fields?: LogFields): void;
}

// Until an app installs its sink (unit tests, scripts): warnings and errors
// still reach stderr as JSON lines; debug and info are dropped.
const STDERR_SINK: LogSink = {
  write(level, scope, message, fields) {
    if (level !== 'warn' && level !== 'error') return;
    process.stderr.write(`${JSON.stringify({ level, context: scope, msg: message, ...fields })}\n`);
  },
};

let sink: LogSink = STDERR_SINK;

/** Sends every logger's lines to `next` (loggers made before the call follow it too); `undefined` restores stderr. */
export function setLogSink(next: LogSink | undefined): void {
  sink = next ?? STDERR_SINK;
}

export function getLogger(scope: string): Logger {
  // The sink is read at each write, so a module-level logger follows the app's sink.
  return {
    debug: (message, fields) => sink.write('debug', scope, message, fields),
    info: (message, fields) => sink.write('info', scope, message, fields),
    warn: (message, fields) => sink.write('warn', scope, message, fields),
    error: (message, fields) => sink.write('error', scope, message, fields),
  };
}
