import { Logger } from '@nestjs/common';
import type { Connection, ConnectOptions } from 'mongoose';
import { errorMessage } from '@base-shift/core';

/** Wait between attempts to open a connection that never opened. */
export const MONGO_RETRY_DELAY_MS = 2000;

/**
 * Keeps opening `connection` until it opens. Mongoose gives up for good when
 * the very first connection fails (it only reconnects a connection that once
 * opened), and `createConnection` leaves that failure unhandled, which ends
 * the process: a control plane started before MongoDB would die 5 s later.
 * With this it stays up, answers 503 (and /readyz "not ready") meanwhile,
 * and serves templates as soon as MongoDB answers.
 */
export function keepOpening(connection: Connection, uri: string, options: ConnectOptions, retryDelayMs = MONGO_RETRY_DELAY_MS): Connection {
  const logger = new Logger('MongoConnection');
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const failed = (error: unknown) => {
    failures += 1;
    // Once per outage at warn; the repeats would only flood the log.
    if (failures === 1) logger.warn(`MongoDB unreachable, retrying every ${retryDelayMs} ms: ${errorMessage(error)}`);
    if (closed) return;
    timer = setTimeout(() => {
      connection.openUri(uri, options).then(() => {
        logger.log(`MongoDB connected after ${failures} failed attempt(s)`);
        failures = 0;
      }, failed);
    }, retryDelayMs);
    timer.unref();
  };

  // Listening to 'error' is also what marks the first attempt's rejection as handled.
  connection.on('error', (error: unknown) => {
    if (connection.readyState === 0) failed(error);
  });
  connection.on('close', () => {
    closed = true;
    clearTimeout(timer);
  });
  return connection;
}
