import { getLogger, setLogSink, type LogFields, type LogLevelName } from './logger';

describe('the logging port', () => {
  afterEach(() => setLogSink(undefined));

  it('sends lines of loggers made before the sink was installed to that sink', () => {
    const logger = getLogger('Early');
    const lines: [LogLevelName, string, string, LogFields | undefined][] = [];
    setLogSink({ write: (level, scope, message, fields) => lines.push([level, scope, message, fields]) });
    logger.info('started', { pools: 2 });
    logger.error('failed');
    expect(lines).toEqual([
      ['info', 'Early', 'started', { pools: 2 }],
      ['error', 'Early', 'failed', undefined],
    ]);
  });

  it('writes only warnings and errors to stderr as JSON lines until a sink is installed', () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const logger = getLogger('Default');
      logger.debug('hidden');
      logger.info('hidden too');
      logger.warn('careful', { pool: 'default' });
    } finally {
      spy.mockRestore();
    }
    expect(writes.map((line) => JSON.parse(line))).toEqual([{ level: 'warn', context: 'Default', msg: 'careful', pool: 'default' }]);
  });
});
