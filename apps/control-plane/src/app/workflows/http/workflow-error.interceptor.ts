import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  type CallHandler,
  type ExecutionContext,
  type HttpException,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import {
  IllegalTransitionError,
  WorkflowError,
  WorkflowValidationError,
} from '@base-shift/workflow';

/** The edge's only mapping from workflow domain errors (stable codes) to HTTP problems. */
export function toHttpException(error: WorkflowError): HttpException {
  const base = { code: error.code, detail: error.message };
  switch (error.code) {
    case 'WORKFLOW.INVALID':
      return new BadRequestException({ ...base, title: 'Invalid request', errors: (error as WorkflowValidationError).problems });
    case 'WORKFLOW.NOT_FOUND':
      return new NotFoundException({ ...base, title: 'Workflow not found' });
    case 'WORKFLOW.JOB_NOT_FOUND':
      return new NotFoundException({ ...base, title: 'Job not found' });
    case 'WORKFLOW.ILLEGAL_TRANSITION': {
      const { from, to, allowed } = error as IllegalTransitionError;
      return new ConflictException({ ...base, title: 'Illegal state transition', from, to, allowed });
    }
    case 'WORKFLOW.IDEMPOTENCY_CONFLICT':
      return new ConflictException({ ...base, title: 'Idempotency-Key reused with another request' });
    case 'WORKFLOW.STALE_ATTEMPT':
      return new ConflictException({ ...base, title: 'Stale attempt' });
    default:
      return new ConflictException({ ...base, title: 'Conflict' });
  }
}

@Injectable()
export class WorkflowErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw error instanceof WorkflowError ? toHttpException(error) : error;
      }),
    );
  }
}
