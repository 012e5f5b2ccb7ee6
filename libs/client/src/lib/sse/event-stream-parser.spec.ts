import { EventStreamParser } from './event-stream-parser';

describe('EventStreamParser', () => {
  it('dispatches id/event/data at each blank line, data lines joined by a newline', () => {
    const parser = new EventStreamParser();
    const events = parser.push('id: 1\nevent: transition\ndata: {"a":1}\n\nid: 2\nevent: transition\ndata: line one\ndata: line two\n\n');
    expect(events).toEqual([
      { id: '1', event: 'transition', data: '{"a":1}' },
      { id: '2', event: 'transition', data: 'line one\nline two' },
    ]);
    expect(parser.lastEventId).toBe('2');
  });

  it('assembles events from chunks split anywhere, CRLF and CR line ends included', () => {
    const parser = new EventStreamParser();
    const text = 'id: 7\r\nevent: transition\r\ndata: x\r\n\r\nid: 8\rdata: y\r\r';
    const events = [...text].flatMap((character) => parser.push(character));
    expect(events).toEqual([
      { id: '7', event: 'transition', data: 'x' },
      { id: '8', event: 'message', data: 'y' },
    ]);
  });

  it('ignores comments and unknown fields, keeps one leading space only, reads retry, and skips events without data', () => {
    const parser = new EventStreamParser();
    const events = parser.push(': keep-alive\nfoo: bar\nretry: 2500\nretry: soon\nid: 3\n\ndata:  two spaces\ndata\n\n');
    expect(events).toEqual([{ id: '3', event: 'message', data: ' two spaces\n' }]);
    expect(parser.retryMs).toBe(2500);
  });

  it('discards an event the stream ended before finishing, its id included', () => {
    const parser = new EventStreamParser();
    expect(parser.push('id: 1\ndata: whole\n\nid: 2\ndata: half')).toEqual([{ id: '1', event: 'message', data: 'whole' }]);
    parser.end();
    expect(parser.push('\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('1');
  });

  it('starts from the Last-Event-ID a resumed stream was opened with', () => {
    const parser = new EventStreamParser('41');
    expect(parser.push('data: next\n\n')).toEqual([{ id: '41', event: 'message', data: 'next' }]);
  });
});
