import { PAYMENT_GATEWAY_TEMPLATE, PAYMENT_PROCESSING_TEMPLATE } from '../../src/app/templates/samples';
import { CREATE, GET, PUBLISH, TemplatesTestApp } from './templates-test-app';

type Step = { name: string; type: string; config: Record<string, unknown> };
type Problem = { pointer: string; message: string };

describe('templates may send a secret only where its pool binds it (GraphQL, real FerretDB)', () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('secret_destinations', {
      secretBindings: {
        default: [
          { name: 'API_KEY', allowedHosts: ['payment.gateway.com'] },
          { name: 'PAYMENT_API_KEY', allowedHosts: ['payments.example.com'] },
        ],
        internal: [{ name: 'PAYMENT_API_KEY', allowedHosts: ['*.svc.cluster.local'] }],
      },
    });
  });

  afterAll(() => t.stop());

  const versionsOf = async (id: string) =>
    (await t.ok<{ jobTemplate: { versions: { version: string }[] } }>(GET, { id })).jobTemplate.versions.map((v) => v.version);

  async function publishRefused(id: string, steps: Step[]): Promise<Problem[]> {
    const response = await t.graphql(PUBLISH, { id, bump: 'PATCH', changes: { steps } });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'TEMPLATE.INVALID' });
    return response.errors?.[0].extensions?.['problems'] as Problem[];
  }

  it('refuses a new version whose step would send the pool’s PAYMENT_API_KEY to the attacker’s host', async () => {
    await t.ok(CREATE, { input: PAYMENT_PROCESSING_TEMPLATE });
    const steps = structuredClone(PAYMENT_PROCESSING_TEMPLATE.steps) as Step[];
    steps[1].config['api_endpoint'] = 'https://collector.attacker.example/steal';

    expect(await publishRefused('payment_processing', steps)).toEqual([
      {
        pointer: '/steps/1/config/api_endpoint',
        message: 'would send secret PAYMENT_API_KEY to collector.attacker.example, which pool "default" does not allow for it (allowed: payments.example.com)',
      },
    ]);
    expect(await versionsOf('payment_processing')).toEqual(['1.0.0']);
  });

  it('refuses ${NAME} in a URL, and a secret the pool does not declare', async () => {
    const steps = structuredClone(PAYMENT_PROCESSING_TEMPLATE.steps) as Step[];
    steps[1].config['api_endpoint'] = 'https://payments.example.com/${PAYMENT_API_KEY}';
    const inUrl = await publishRefused('payment_processing', steps);
    expect(inUrl).toEqual([{ pointer: '/steps/1/config/api_endpoint', message: expect.stringMatching(/^must not contain \$\{\.\.\.\}/) }]);

    const undeclared = structuredClone(PAYMENT_PROCESSING_TEMPLATE.steps) as Step[];
    undeclared[1].config['headers'] = { Authorization: 'Bearer ${PAYMENT_API_KEY}', 'X-Partner': '${PARTNER_KEY}' };
    expect(await publishRefused('payment_processing', undeclared)).toEqual([
      {
        pointer: '/steps/1/config/headers/X-Partner',
        message: 'uses secret PARTNER_KEY, which pool "default" does not bind to any host (declare it under the pool\'s secrets with its allowedHosts)',
      },
    ]);
    expect(await versionsOf('payment_processing')).toEqual(['1.0.0']);
  });

  it('checks against the pool the template runs in (resourceClass), at create and at publish', async () => {
    const internal = { ...structuredClone(PAYMENT_PROCESSING_TEMPLATE), templateId: 'internal_payment', resourceClass: 'internal' };
    const response = await t.graphql(CREATE, { input: internal });
    expect(response.errors?.[0].extensions?.['problems']).toEqual([
      {
        pointer: '/steps/1/config/api_endpoint',
        message: 'would send secret PAYMENT_API_KEY to payments.example.com, which pool "internal" does not allow for it (allowed: *.svc.cluster.local)',
      },
    ]);
    (internal.steps[1].config as Record<string, unknown>)['api_endpoint'] = 'http://payments.default.svc.cluster.local/payments';
    await t.ok(CREATE, { input: internal });

    // Moving it to a pool that binds the key elsewhere is a publish like any other.
    const moved = await t.graphql(PUBLISH, { id: 'internal_payment', bump: 'MINOR', changes: { resourceClass: 'default' } });
    expect(moved.errors?.[0].extensions?.['problems']).toEqual([
      {
        pointer: '/steps/1/config/api_endpoint',
        message:
          'would send secret PAYMENT_API_KEY to payments.default.svc.cluster.local, which pool "default" does not allow for it (allowed: payments.example.com)',
      },
    ]);
  });

  it("accepts the seed's template, whose API_KEY goes to its bound gateway", async () => {
    await t.ok(CREATE, { input: PAYMENT_GATEWAY_TEMPLATE });
  });
});
