import { Controller, Inject, Param, Req, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { streamWorkflowEvents, WorkflowEngine, WorkflowEvents } from '@base-shift/workflow';
import { schemaRef } from '../http/openapi-schemas';
import { WorkflowExistsGuard } from './http/workflow-exists.guard';
import { ApiWorkflowId } from './http/workflow-api-docs';
import { toHistoryResponse } from './http/workflow-representation';
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
  @ApiWorkflowId()
  @ApiOperation({
    operationId: 'streamWorkflowEvents',
    summary: "Follow a workflow's transitions (Server-Sent Events)",
    description:
      'Every transition as an SSE event `transition` (id = its seq, data = the HistoryEntry as JSON): the recorded ones first, then live ones as they happen. ' +
      'The stream ends once the workflow is COMPLETED, FAILED or CANCELLED. A client that reconnects with Last-Event-ID gets only the later ones.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this seq (the id of the last event received); anything but 1 to 9 digits replays from the start.',
    schema: { type: 'string', example: '3' },
  })
  @ApiOkResponse({
    description: 'The event stream (text/event-stream); each event is one WorkflowEvent.',
    schema: schemaRef('WorkflowEvent'),
  })
  @ApiNotFoundResponse({ description: 'No workflow has this id (answered before the stream starts).' })
  // The header is read from the request: @Headers('last-event-id') would document a second, required, lower-case header.
  stream(@Param('id') id: string, @Req() request: Request): Observable<MessageEvent> {
    const lastEventId = request.header('last-event-id');
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
