import type { Test } from 'supertest';

export interface SseEvent {
  id?: string;
  event?: string;
  data: unknown;
}

/** Collects a whole SSE response (it ends when the workflow does) into events. */
export async function collectSse(request: Test): Promise<{ status: number; contentType: string; events: SseEvent[] }> {
  const response = await request
    .set('Accept', 'text/event-stream')
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
  const events = String(response.body)
    .split('\n\n')
    .filter((block) => block.trim() && !block.startsWith(':'))
    .map((block) => {
      const event: SseEvent = { data: undefined };
      for (const line of block.split('\n')) {
        const [field, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
        else if (field === 'data') event.data = JSON.parse(value);
      }
      return event;
    });
  return { status: response.status, contentType: String(response.headers['content-type']), events };
}
