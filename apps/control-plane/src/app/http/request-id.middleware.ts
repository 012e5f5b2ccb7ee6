import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { withLogContext } from '@base-shift/observability';

const HEADER = 'x-request-id';
// A caller's id is reused only if it is harmless in logs and headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Tags the request, its response and every log line written while serving it with one id. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const offered = request.header(HEADER);
    const requestId = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
    response.setHeader(HEADER, requestId);
    withLogContext({ requestId }, next);
  }
}
