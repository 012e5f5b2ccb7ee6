import { Writable } from 'node:stream';
import { getLogger, setLogSink } from '@base-shift/core';
import { withLogContext } from './log-context';
import { createLogger, PinoLoggerService } from './logger';
import { pinoLogSink } from './pino-log-sink';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
  };
}

afterEach(() => setLogSink(undefined));

describe('logger', () => {
  it('writes Nest logger calls as JSON lines with their context', () => {
    const out = capture();
    const service = new PinoLoggerService(createLogger({ level: 'info', service: 'test', destination: out.stream }));
    // What Nest's `new Logger('WorkflowEngine').log(...)` passes on: the message, then the context.
    service.log('workflow started', 'WorkflowEngine');
    service.debug('hidden below info', 'WorkflowEngine');
    expect(out.lines()).toEqual([expect.objectContaining({ level: 'info', service: 'test', context: 'WorkflowEngine', msg: 'workflow started' })]);
  });

  it('writes lib loggers through the pino sink, with their scope as context and their fields', () => {
    const out = capture();
    setLogSink(pinoLogSink(createLogger({ level: 'info', service: 'test', destination: out.stream })));
    getLogger('JobAttempt').warn('job failed: boom', { outcome: 'failed', code: 'EXECUTOR.INTERNAL' });
    getLogger('JobAttempt').debug('hidden below info');
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 'warn', service: 'test', context: 'JobAttempt', msg: 'job failed: boom', outcome: 'failed', code: 'EXECUTOR.INTERNAL' }),
    ]);
  });

  it('redacts credentials in structured fields', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', service: 'test', destination: out.stream });
    logger.info({ request: { headers: { authorization: 'Bearer s3cr3t' } }, token: 'abc' }, 'call');
    const [line] = out.lines();
    expect(JSON.stringify(line)).not.toContain('s3cr3t');
    expect(JSON.stringify(line)).not.toContain('"abc"');
  });
});

describe('log context', () => {
  it('adds workflow and job fields to every line written inside a job, and only there', async () => {
    const out = capture();
    setLogSink(pinoLogSink(createLogger({ level: 'info', service: 'test', destination: out.stream })));
    const logger = getLogger('JobRunner');
    await withLogContext({ workflowId: 'wf-1', jobId: 'payment_processing', attempt: 2, templateId: 'payment_gateway_template' }, async () => {
      await Promise.resolve();
      logger.info('step started');
    });
    logger.info('idle');
    const [inside, outside] = out.lines();
    expect(inside).toMatchObject({ workflowId: 'wf-1', jobId: 'payment_processing', attempt: 2, templateId: 'payment_gateway_template', msg: 'step started' });
    expect(outside).not.toHaveProperty('workflowId');
  });
});
