import { ProblemError } from '../problem-error';
import { readEventStream } from './read-event-stream';

/** A body that sends `chunks` and then either ends or fails like a dropped connection. */
function body(chunks: string[], drop: boolean): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pending = [...chunks];
  // One chunk per read: erroring a stream discards what is still queued.
  return new ReadableStream({
    pull(controller) {
      const chunk = pending.shift();
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (drop) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('readEventStream', () => {
  it('reconnects a dropped stream with Last-Event-ID and ends when the server ends the stream', async () => {
    const requests: Array<Record<string, string>> = [];
    const answers = [
      new Response(body(['id: 1\nevent: transition\ndata: {"seq":1}\n\n', 'id: 2\nevent: tran'], true), { status: 200 }),
      new Response(body(['id: 2\nevent: transition\ndata: {"seq":2}\n\n'], false), { status: 200 }),
    ];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      requests.push(init.headers as Record<string, string>);
      return answers.shift() as Response;
    }) as typeof fetch;

    const events = await collect(
      readEventStream({ url: 'http://cp/workflows/w/events', headers: { authorization: 'Bearer k' }, fetch: fakeFetch }, { reconnectDelayMs: 1 }),
    );

    expect(events.map((event) => event.data)).toEqual(['{"seq":1}', '{"seq":2}']);
    expect(requests).toEqual([
      { authorization: 'Bearer k', accept: 'text/event-stream' },
      { authorization: 'Bearer k', accept: 'text/event-stream', 'last-event-id': '1' },
    ]);
  });

  it('starts after a given Last-Event-ID and throws a refusal as a ProblemError without retrying', async () => {
    const seen: Array<Record<string, string>> = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      seen.push(init.headers as Record<string, string>);
      return new Response(JSON.stringify({ title: 'Workflow not found', status: 404, detail: 'no workflow w' }), { status: 404 });
    }) as typeof fetch;
    const stream = readEventStream({ url: 'http://cp/workflows/w/events', headers: {}, fetch: fakeFetch }, { lastEventId: '5' });
    await expect(collect(stream)).rejects.toThrow(new ProblemError({ status: 404, title: 'Workflow not found', detail: 'no workflow w' }).message);
    expect(seen).toEqual([{ accept: 'text/event-stream', 'last-event-id': '5' }]);
  });

  it('gives up after maxReconnects failed connections in a row', async () => {
    let calls = 0;
    const fakeFetch = (async () => {
      calls++;
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(collect(readEventStream({ url: 'http://cp/x', headers: {}, fetch: fakeFetch }, { maxReconnects: 2, reconnectDelayMs: 1 }))).rejects.toThrow(
      'fetch failed',
    );
    expect(calls).toBe(3);
  });
});
