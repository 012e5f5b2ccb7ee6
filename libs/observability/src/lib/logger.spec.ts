import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { withLogContext } from './log-context';
import { createLogger, PinoLoggerService } from './logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

describe('logger', () => {
  it('writes Nest logger calls as JSON lines with their context', () => {
    const out = capture();
    const service = new PinoLoggerService(createLogger({ level: 'info', service: 'test', destination: out.stream }));
    Logger.overrideLogger(service);
    new Logger('WorkflowEngine').log('workflow started');
    new Logger('WorkflowEngine').debug('hidden below info');
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 'info', service: 'test', context: 'WorkflowEngine', msg: 'workflow started' }),
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
    const service = new PinoLoggerService(createLogger({ level: 'info', service: 'test', destination: out.stream }));
    Logger.overrideLogger(service);
    const logger = new Logger('JobRunner');
    await withLogContext({ workflowId: 'wf-1', jobId: 'payment_processing', attempt: 2, templateId: 'payment_gateway_template' }, async () => {
      await Promise.resolve();
      logger.log('step started');
    });
    logger.log('idle');
    const [inside, outside] = out.lines();
    expect(inside).toMatchObject({ workflowId: 'wf-1', jobId: 'payment_processing', attempt: 2, templateId: 'payment_gateway_template', msg: 'step started' });
    expect(outside).not.toHaveProperty('workflowId');
  });
});
