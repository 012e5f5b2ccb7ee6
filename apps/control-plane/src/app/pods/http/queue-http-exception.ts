import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  type HttpException,
} from '@nestjs/common';
import { assertNever } from '@base-shift/core';
import type { QueueError } from '@base-shift/queue';

/**
 * The edge's only mapping from queue errors (stable codes) to HTTP problems,
 * applied by the problem-details filter; a code without a case here fails type-checking.
 */
export function queueHttpException(error: QueueError): HttpException {
  const base = { code: error.code, detail: error.message };
  switch (error.code) {
    case 'QUEUE.INVALID_ARGUMENT':
    case 'QUEUE.INVALID_PRIORITY':
      return new BadRequestException({ ...base, title: 'Invalid request' });
    case 'QUEUE.PAYLOAD_TOO_LARGE':
      return new PayloadTooLargeException({ ...base, title: 'Payload too large' });
    case 'QUEUE.UNKNOWN_POOL':
      return new NotFoundException({ ...base, title: 'Pool not found' });
    case 'QUEUE.JOB_NOT_FOUND':
      return new NotFoundException({ ...base, title: 'Job not found' });
    case 'QUEUE.STALE_ATTEMPT':
      return new ConflictException({ ...base, title: 'Stale attempt' });
    case 'QUEUE.ILLEGAL_STATE':
      return new ConflictException({ ...base, title: 'Job in another state' });
    case 'QUEUE.CLOSED':
      return new ServiceUnavailableException({ ...base, title: 'Queue closed' });
    default:
      return assertNever(error.code, 'queue error code');
  }
}
