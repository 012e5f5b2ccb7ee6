import type { paths } from './generated/openapi';

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * The JSON body of an operation's 200 (or 201) answer, read from the generated
 * `paths`: `RestBody<'/workflows/{id}', 'get'>`. `unknown` while the document
 * describes no JSON body for it.
 */
export type RestBody<P extends keyof paths, M extends Method> =
  paths[P] extends Record<M, infer Operation>
    ? Operation extends { responses: infer Responses }
      ? Responses extends { 200: { content: { 'application/json': infer Body } } }
        ? Body
        : Responses extends { 201: { content: { 'application/json': infer Body } } }
          ? Body
          : unknown
      : unknown
    : unknown;
