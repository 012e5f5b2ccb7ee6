/** One dispatched Server-Sent Event. */
export interface ServerSentEvent {
  /** The `id:` in effect when it was dispatched ('' when the stream never set one). */
  id: string;
  /** The `event:` field, `message` when absent. */
  event: string;
  /** The `data:` lines joined by `\n`. */
  data: string;
}

/**
 * The text/event-stream format (WHATWG HTML § 9.2.6) as a push parser: feed
 * it decoded text in chunks of any size, it returns the events each chunk
 * completes. Lines end with LF, CR or CRLF (a CR at the end of a chunk waits
 * for the next one); `:` lines are comments; an event is dispatched at a blank
 * line, and only when it has data; `id` persists across events (the value a
 * reconnect sends as Last-Event-ID); `retry` sets the reconnection delay.
 */
export class EventStreamParser {
  /** `lastEventId`: where a resumed stream starts (the Last-Event-ID it was opened with). */
  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
    this.idBuffer = lastEventId;
  }

  private buffer = '';
  private data: string[] = [];
  private event = '';
  private pendingCr = false;
  /** The `id:` of the event being read; it becomes lastEventId when that event is complete. */
  private idBuffer: string;
  /** The id of the last complete event, sent back as Last-Event-ID on a reconnect (a half-received event does not count). */
  lastEventId: string;
  /** The last valid `retry:` in milliseconds, if any. */
  retryMs: number | undefined;

  push(chunk: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let text = chunk;
    // A CRLF split across chunks: the CR already ended the line, skip its LF.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end === -1) break;
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) {
        this.pendingCr = true;
      }
      const line = this.buffer.slice(0, end);
      const skip = this.buffer[end] === '\r' && this.buffer[end + 1] === '\n' ? 2 : 1;
      this.buffer = this.buffer.slice(end + skip);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** End of the stream: an event without its blank line is discarded, as the standard says. */
  end(): void {
    this.buffer = '';
    this.idBuffer = this.lastEventId;
    this.data = [];
    this.event = '';
    this.pendingCr = false;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        // Unknown fields are ignored.
        break;
    }
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    this.lastEventId = this.idBuffer;
    const event = this.data.length === 0 ? undefined : { id: this.lastEventId, event: this.event || 'message', data: this.data.join('\n') };
    this.data = [];
    this.event = '';
    return event;
  }
}
