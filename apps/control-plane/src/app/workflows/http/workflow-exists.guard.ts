import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { WorkflowEngine } from '@base-shift/workflow';

/**
 * 404 for an unknown workflow before an SSE stream starts: once Nest has
 * committed the stream's 200 headers, an error can only become an event.
 */
@Injectable()
export class WorkflowExistsGuard implements CanActivate {
  constructor(@Inject(WorkflowEngine) private readonly engine: WorkflowEngine) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const id = context.switchToHttp().getRequest<Request>().params['id'];
    // An unknown id throws WorkflowNotFoundError, which the problem-details filter answers with 404.
    await this.engine.get(String(id));
    return true;
  }
}
