import { dumpKeys } from '@base-shift/testing';
import { engineFixture, pinnedTemplate, POOL, type EngineFixture } from '../../test/engine-fixture';
import { WriteOnlyFields } from './write-only-fields';

const CARD = '4111111111111111';
// Not digits only: a dump of the keys is full of timestamps and ids, where five digits turn up by chance.
const PIN = 'pin-97531';
const CHARGE = pinnedTemplate('charge', {
  inputSchema: {
    type: 'object',
    properties: { cardNumber: { type: 'string', writeOnly: true }, amount: { type: 'number' }, pin: { type: 'string', writeOnly: true } },
    required: ['cardNumber', 'amount'],
  },
});

/** Two jobs read the card number from the workflow input; a third field is normal; the second job also carries a literal writeOnly pin. */
const PAYMENT = {
  input: { cardNumber: CARD, amount: 12.5, note: 'gift' },
  jobs: [
    { id: 'authorize', templateId: 'charge', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } } },
    { id: 'capture', templateId: 'charge', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' }, pin: PIN } },
  ],
};

describe('writeOnly input fields (real Redis, real queue)', () => {
  let f: EngineFixture;

  beforeEach(() => (f = engineFixture('wf-write-only', [CHARGE])));
  afterEach(() => f.cleanup());

  const redisHolds = async (value: string): Promise<boolean> => (await dumpKeys(f.redis, f.prefix)).includes(value);

  async function runNext(outcome: 'complete' | 'fail') {
    const [job] = await f.lease();
    if (outcome === 'complete') await f.leases.complete(POOL, job.id, job.attempt, { approved: true });
    else await f.leases.fail(POOL, job.id, job.attempt, { message: 'declined', retryable: false });
    await f.applyResults();
    return job;
  }

  it('never shows the values in a workflow, and drops them from Redis once no job needs them', async () => {
    const { workflow } = await f.engine.create(PAYMENT);
    expect(JSON.stringify(workflow)).not.toContain(CARD);
    expect(workflow.input).toEqual({ amount: 12.5, note: 'gift' });
    expect(workflow.jobs[0].input).toEqual({ cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } });
    expect(workflow.jobs[0].resolvedInput).toEqual({ amount: 12.5 });
    // The executor gets the value: the queue payload is the resolved input.
    expect((await f.queued())[0].payload).toMatchObject({ input: { cardNumber: CARD, amount: 12.5 } });

    await runNext('complete');
    const half = await f.engine.get(workflow.id);
    expect(half.jobs.map((job) => job.state)).toEqual(['SUCCEEDED', 'QUEUED']);
    expect(JSON.stringify(half)).not.toContain(CARD);
    expect(JSON.stringify(half)).not.toContain(PIN);
    expect(half.jobs[1].input).toEqual({ cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } });
    // capture still needs it: kept in the workflow input (and its own hash), but gone from authorize's.
    const k = f.keys.forWorkflow(workflow.id);
    expect(await f.redis.hget(k.meta, 'input')).toContain(CARD);
    expect(JSON.stringify(await f.redis.hgetall(f.keys.job(workflow.id, 'authorize')))).not.toContain(CARD);
    expect(await f.redis.hget(f.keys.job(workflow.id, 'capture'), 'input')).toContain(PIN);

    await runNext('complete');
    const done = await f.engine.get(workflow.id);
    expect(done.state).toBe('COMPLETED');
    expect(done.input).toEqual({ amount: 12.5, note: 'gift' });
    expect(await redisHolds(CARD)).toBe(false);
    expect(await redisHolds(PIN)).toBe(false);
    expect(JSON.parse(String(await f.redis.hget(k.meta, 'input')))).toEqual({ amount: 12.5, note: 'gift' });
    // Retention still applies to the rewritten keys.
    expect(await f.redis.pttl(k.meta)).toBeGreaterThan(0);
    expect(await f.redis.pttl(f.keys.job(workflow.id, 'capture'))).toBeGreaterThan(0);
  });

  it('a FAILED workflow keeps what its failed job needs, and a retry still runs it with the value', async () => {
    const { workflow } = await f.engine.create(PAYMENT);
    await runNext('complete');
    await runNext('fail');
    const failed = await f.engine.get(workflow.id);
    expect(failed.state).toBe('FAILED');
    expect(JSON.stringify(failed)).not.toContain(CARD);
    expect(await f.redis.hget(f.keys.forWorkflow(workflow.id).meta, 'input')).toContain(CARD);

    await f.engine.retry(workflow.id);
    expect((await f.queued())[0].payload).toMatchObject({ jobId: 'capture', input: { cardNumber: CARD, amount: 12.5, pin: PIN } });
    await runNext('complete');
    expect((await f.engine.get(workflow.id)).state).toBe('COMPLETED');
    expect(await redisHolds(CARD)).toBe(false);
    expect(await redisHolds(PIN)).toBe(false);
  });

  it('a success delivered again (the first delivery died before the drop) still drops the values', async () => {
    const { workflow } = await f.engine.create(PAYMENT);
    const [job] = await f.lease();
    await f.leases.complete(POOL, job.id, job.attempt, { approved: true });
    const results = await f.readResults();
    const authorize = f.keys.job(workflow.id, 'authorize');
    jest.spyOn(WriteOnlyFields.prototype, 'forget').mockResolvedValueOnce(undefined);
    for (const result of results) await f.engine.applyQueueResult(result);
    expect(await f.redis.hget(authorize, 'resolvedInput')).toContain(CARD);

    for (const result of results) await f.engine.applyQueueResult(result);
    expect(await f.redis.hget(authorize, 'state')).toBe('SUCCEEDED');
    expect(JSON.stringify(await f.redis.hgetall(authorize))).not.toContain(CARD);
  });

  it('deleting a FAILED workflow also purges the dead letter that kept the value for a retry', async () => {
    const { workflow } = await f.engine.create(PAYMENT);
    await runNext('complete');
    await runNext('fail');
    expect(await redisHolds(CARD)).toBe(true);
    await f.engine.delete(workflow.id);
    expect(await redisHolds(CARD)).toBe(false);
  });

  it('a CANCELLED workflow drops every value from its keys at once', async () => {
    const { workflow } = await f.engine.create(PAYMENT);
    await f.engine.cancel(workflow.id);
    const k = f.keys.forWorkflow(workflow.id);
    const keys = [k.meta, f.keys.job(workflow.id, 'authorize'), f.keys.job(workflow.id, 'capture')];
    for (const key of keys) expect(JSON.stringify(await f.redis.hgetall(key))).not.toContain(CARD);
    expect(JSON.stringify(await f.redis.hgetall(f.keys.job(workflow.id, 'capture')))).not.toContain(PIN);
  });

  it('keeps workflow-input values another job still reads, even where its own template does not mark them', async () => {
    const plain = pinnedTemplate('plain');
    f = (await f.cleanup(), engineFixture('wf-write-only', [CHARGE, plain]));
    const { workflow } = await f.engine.create({
      input: { cardNumber: CARD, amount: 1 },
      jobs: [
        { id: 'charge', templateId: 'charge', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } } },
        { id: 'audit', templateId: 'plain', input: { everything: { $from: 'input' } } },
      ],
    });
    await runNext('complete');
    const half = await f.engine.get(workflow.id);
    expect(half.jobs.map((job) => job.state)).toEqual(['SUCCEEDED', 'QUEUED']);
    expect(await f.redis.hget(f.keys.forWorkflow(workflow.id).meta, 'input')).toContain(CARD);
    expect(half.input).toEqual({ amount: 1 });
  });

  it('workflows without writeOnly fields are shown and kept as they are', async () => {
    f = (await f.cleanup(), engineFixture('wf-write-only', [pinnedTemplate('plain')]));
    const { workflow } = await f.engine.create({
      input: { cardNumber: CARD },
      jobs: [{ id: 'a', templateId: 'plain', input: { c: { $from: 'input.cardNumber' } } }],
    });
    await runNext('complete');
    const done = await f.engine.get(workflow.id);
    expect(done.state).toBe('COMPLETED');
    expect(done.jobs[0].resolvedInput).toEqual({ c: CARD });
    expect(await redisHolds(CARD)).toBe(true);
  });
});
