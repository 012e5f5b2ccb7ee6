import { Injectable, UnsupportedMediaTypeException, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * A body that is not JSON is refused with 415 before any handler sees it (the
 * app also parses urlencoded bodies, which must not slip through as objects).
 * Requests without a body pass; the handler decides whether it needs one.
 */
@Injectable()
export class JsonContentTypeMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const empty = request.headers['content-length'] === '0';
    if (!empty && request.is(['application/json', 'application/*+json']) === false) {
      throw new UnsupportedMediaTypeException({
        title: 'Unsupported Media Type',
        detail: `send the body as application/json (got ${JSON.stringify(request.headers['content-type'] ?? '')})`,
      });
    }
    next();
  }
}
