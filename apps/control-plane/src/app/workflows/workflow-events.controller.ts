import { Controller, Headers, Inject, Param, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { streamWorkflowEvents, WorkflowEngine, WorkflowEvents } from '@base-shift/workflow';
import { WorkflowExistsGuard } from './http/workflow-exists.guard';
import { ProblemResponse, toHistoryResponse } from './http/workflow-representation';
import { RequireScopes } from '../auth/auth.decorators';

@ApiTags('workflows')
@Controller('workflows')
export class WorkflowEventsController {
  constructor(
    @Inject(WorkflowEngine) private readonly engine: WorkflowEngine,
    @Inject(WorkflowEvents) private readonly events: WorkflowEvents,
  ) {}

  @Sse(':id/events')
  @RequireScopes('workflows:read')
  @UseGuards(WorkflowExistsGuard)
  @ApiOperation({
    summary:
      'Server-Sent Events: every transition (event "transition", id = seq), the recorded ones first, then live; ends once the workflow is COMPLETED, FAILED or CANCELLED.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this seq.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  stream(@Param('id') id: string, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    const after = /^\d{1,9}$/.test(lastEventId ?? '') ? Number(lastEventId) : 0;
    return new Observable<MessageEvent>((subscriber) => {
      let stop: (() => Promise<void>) | undefined;
      let closed = false;
      streamWorkflowEvents(this.events, () => this.engine.get(id), id, after, {
        next: (entry) => subscriber.next({ id: String(entry.seq), type: 'transition', data: toHistoryResponse(entry) }),
        complete: () => subscriber.complete(),
      }).then(
        (unsubscribe) => {
          if (closed) void unsubscribe();
          else stop = unsubscribe;
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        closed = true;
        void stop?.();
      };
    });
  }
}
