import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_KEY_SCHEME, OIDC_SCHEME } from '../auth/auth.decorators';
import { toOpenApi31 } from './openapi-3-1';
import { PROBLEM_JSON, schemaRef, SHARED_SCHEMAS } from './openapi-schemas';

/** Committed, so clients are generated without running the app; a test keeps it equal to what the code generates. */
export const OPENAPI_FILE = join(process.cwd(), 'apps/control-plane/openapi.json');

const TAGS: Record<string, string> = {
  workflows: 'Workflows: create one from job templates, follow it (GET or the SSE stream), cancel, retry, delete; set a job from outside.',
  templates: 'Job templates: versioned, validated definitions of what a job does.',
  pools: 'Executor pools: configuration, pods, queue depth, and each pool’s dead letter.',
  'api-keys': 'API keys: created (shown once), listed, revoked. Admin only.',
  audit: 'The audit trail of state-changing and refused calls. Admin only.',
};

/**
 * The REST API's OpenAPI 3.1 document, generated from the controllers'
 * decorators, then completed with what holds for every operation: a guarded
 * one may answer 401, 403, 429 and 503 (the AuthGuard, a store out of reach),
 * every error answer is problem+json (ProblemDetailsFilter sends nothing
 * else), an operation without scopes is public (`security: []`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Base Shift control plane')
    .setDescription(
      'Workflows of versioned job templates, run by autoscaled executor pools. Every error is application/problem+json (RFC 9457) with a JSON Pointer per refused field. ' +
        'Authenticate with `Authorization: Bearer <API key>` (bsk_…) or, when OIDC is configured, `Bearer <access token>`; each operation lists the scopes it needs in x-required-scopes (admin grants all).',
    )
    .setVersion('1.0')
    .addServer('/', 'The control plane serving this document.')
    .addSecurity(API_KEY_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'bsk_…',
      description: 'An API key made with POST /api-keys (or the bootstrap key): `Authorization: Bearer bsk_…`.',
    })
    .addSecurity(OIDC_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: "An access token (JWT) of the configured OIDC issuer, its scopes in the token's scope claim: `Authorization: Bearer <JWT>`.",
    });
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const generated = SwaggerModule.createDocument(app, builder.build(), {
    // Handlers name their operationId; the method name is the fallback.
    operationIdFactory: (_controller: string, method: string) => method,
  });
  return completeContract(toOpenApi31(generated));
}

/** UI at /docs, the document at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/** The document as committed: stable key order as generated, two-space indent, final newline. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** What the AuthGuard (and, for 503, any store or the OIDC issuer) may answer; a handler's own description of a status wins. */
function accessResponses(scopes: string[]): Record<string, { description: string }> {
  return {
    '401': { description: 'No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer).' },
    '403': { description: `The token lacks the scope ${scopes.join(' and ')} (missingScope names it; admin grants every scope).` },
    '429': { description: "The caller's rate limit is spent (Retry-After says when to try again)." },
    '503': { description: 'Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again).' },
  };
}

function completeContract(document: OpenAPIObject): OpenAPIObject {
  // @nestjs/swagger has no SPDX identifier field; info-license-strict wants one (or a URL).
  document.info.license = { name: 'Proprietary (UNLICENSED)', identifier: 'LicenseRef-Proprietary' } as OpenAPIObject['info']['license'];
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(SHARED_SCHEMAS as object) } };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem as Record<string, OperationShape>)) {
      const scopes = operation['x-required-scopes'];
      if (scopes) operation.responses = sortByStatus({ ...accessResponses(scopes), ...operation.responses });
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) >= 400) response.content = { [PROBLEM_JSON]: { schema: schemaRef('ProblemDetails') } };
      }
      // RequireScopes declares the schemes; a handler without it is @Public() (the app refuses to start otherwise).
      operation.security ??= [];
    }
  }
  return document;
}

function sortByStatus<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

interface OperationShape {
  'x-required-scopes'?: string[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: unknown[];
}
