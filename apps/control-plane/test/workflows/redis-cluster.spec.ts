import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import { keysPerMaster, requireTestEnv } from '@base-shift/testing';
import { BuiltStack } from '../support/built-stack';

const CREATE = 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id version } }';
// Wraps its predecessor's output: a chain's last output proves every job ran, in order, on what came before.
const RELAY = {
  id: 'cluster_relay',
  steps: [{ name: 'wrap', type: 'transform', config: { output: { step: { $from: 'input.step' }, previous: { $from: 'input.previous' } } } }],
  inputSchema: { type: 'object', required: ['step', 'previous'] },
  outputSchema: { type: 'object', required: ['step'] },
};
const COLLECT = {
  id: 'cluster_collect',
  steps: [{ name: 'collect', type: 'transform', config: { output: { values: { $from: 'input.values' } } } }],
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object' },
};

interface Workflow {
  id: string;
  state: string;
  mode: string;
  jobs: Array<{ id: string; state: string; output?: Record<string, unknown> }>;
}

const relay = (id: string, previous: unknown, dependsOn?: string[]) => ({
  id,
  templateId: 'cluster_relay',
  ...(dependsOn && { dependsOn }),
  input: { step: id, previous },
});

const sequential = (start: number) => ({
  input: { start },
  jobs: [relay('one', { $from: 'input.start' }), relay('two', { $from: 'jobs.one.output' }), relay('three', { $from: 'jobs.two.output' })],
});

const dag = (start: number) => ({
  input: { start },
  jobs: [
    relay('a', { $from: 'input.start' }, []),
    relay('b', { $from: 'jobs.a.output.step' }, ['a']),
    relay('c', { $from: 'jobs.a.output.previous' }, ['a']),
    { id: 'd', templateId: 'cluster_collect', dependsOn: ['b', 'c'], input: { values: [{ $from: 'jobs.b.output' }, { $from: 'jobs.c.output' }] } },
  ],
});

// What a user of a Redis Cluster runs: the built control plane and executor, REDIS_URL /
// JOB_QUEUE_URL = the testenv's three masters, workflows through the REST API.
describe('built control plane and executor on a 3-master Redis Cluster', () => {
  const nodes = requireTestEnv('REDIS_CLUSTER_NODES');
  let stack: BuiltStack | undefined;
  let redis: RedisConnection;
  let prefix: string;

  beforeAll(async () => {
    redis = createRedisConnection(nodes, { connectionName: 'base-shift:test:cluster-e2e' });
    stack = await BuiltStack.start('redis-cluster', { redisUrl: nodes });
    prefix = stack.prefix;
    await stack.graphql(CREATE, { input: RELAY });
    await stack.graphql(CREATE, { input: COLLECT });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await redis.quit();
  });

  const run = async (body: object): Promise<Workflow> => {
    const created = await (stack as BuiltStack).json<Workflow>('/workflows', { method: 'POST', body });
    return (await (stack as BuiltStack).waitForWorkflow(created.id, 'COMPLETED')) as unknown as Workflow;
  };

  it('runs 3-job sequential workflows to COMPLETED, each job on its predecessor output', async () => {
    const done = await Promise.all([0, 10, 20, 30, 40, 50].map((start) => run(sequential(start))));
    for (const [i, workflow] of done.entries()) {
      expect(workflow.mode).toBe('sequential');
      expect(workflow.jobs.map((job) => job.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
      expect(workflow.jobs[2].output).toEqual({ step: 'three', previous: { step: 'two', previous: { step: 'one', previous: i * 10 } } });
    }
  });

  it('runs DAG workflows (fan-out, fan-in) to COMPLETED', async () => {
    const done = await Promise.all([1, 2, 3, 4].map((start) => run(dag(start))));
    for (const [i, workflow] of done.entries()) {
      expect(workflow.mode).toBe('dag');
      expect(workflow.jobs.map((job) => job.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
      expect(workflow.jobs[3].output).toEqual({
        values: [
          { step: 'b', previous: 'a' },
          { step: 'c', previous: i + 1 },
        ],
      });
    }
  });

  it("spreads the workflows' keys over more than one master", async () => {
    const perMaster = await keysPerMaster(redis, `${prefix}workflow:`);
    expect(Object.keys(perMaster)).toHaveLength(3);
    const holding = Object.values(perMaster).filter((count) => count > 0);
    expect(holding.length).toBeGreaterThan(1);
  });

  it('leaves no key under its prefix on any master once stopped', async () => {
    await (stack as BuiltStack).stop();
    stack = undefined;
    const perMaster = await keysPerMaster(redis, prefix);
    expect(Object.values(perMaster)).toEqual([0, 0, 0]);
  });
});
