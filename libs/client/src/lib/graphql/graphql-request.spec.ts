import { ProblemError } from '../problem-error';
import { graphqlRequest } from './graphql-request';

function answering(status: number, body: unknown): typeof fetch {
  return (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as typeof fetch;
}

describe('graphqlRequest', () => {
  it('returns data and sends the query, variables and headers', async () => {
    let sent: RequestInit | undefined;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent = init;
      return new Response(JSON.stringify({ data: { ok: 1 } }));
    }) as typeof fetch;
    await expect(graphqlRequest({ server: 'http://cp', headers: { authorization: 'Bearer k' }, fetch: fakeFetch }, 'query { ok }', { a: 1 })).resolves.toEqual({
      ok: 1,
    });
    expect(sent?.headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json' });
    expect(JSON.parse(String(sent?.body))).toEqual({ query: 'query { ok }', variables: { a: 1 } });
  });

  it('turns a GraphQL error into a ProblemError with the REST status, the domain code and the problems', async () => {
    const body = {
      data: null,
      errors: [
        {
          message: 'invalid template: /steps: must contain at least 1 item',
          extensions: { code: 'BAD_USER_INPUT', domainCode: 'TEMPLATE.INVALID', problems: [{ pointer: '/steps', message: 'must contain at least 1 item' }] },
        },
      ],
    };
    const error = (await graphqlRequest({ server: 'http://cp', headers: {}, fetch: answering(200, body) }, '{ x }').catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, title: 'Invalid request', code: 'TEMPLATE.INVALID' });
    expect(error.message).toBe('400 Invalid request: /steps: must contain at least 1 item');
  });

  it('reports an answer that is not JSON by its status', async () => {
    await expect(graphqlRequest({ server: 'http://cp', headers: {}, fetch: answering(503, 'upstream down') }, '{ x }')).rejects.toThrow('503');
  });
});
