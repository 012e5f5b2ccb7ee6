import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { isolatedMongoUrl, requireTestEnv } from '@base-shift/testing';
import { createControlPlaneApp } from '../../src/app/create-app';
import { loadControlPlaneConfig, type ControlPlaneConfig } from '../../src/app/config/control-plane-config';
import { TestAdminKey } from '../support/test-auth';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** The real control plane on its own FerretDB database, driven over HTTP. */
export class TemplatesTestApp {
  private constructor(
    readonly app: INestApplication,
    /** The app's bootstrap admin key: http() and graphql() send it. */
    readonly admin: TestAdminKey,
  ) {}

  static async start(label: string, overrides: Partial<ControlPlaneConfig> = {}): Promise<TemplatesTestApp> {
    const admin = new TestAdminKey();
    const app = await createControlPlaneApp({
      ...loadControlPlaneConfig({
        REDIS_URL: requireTestEnv('REDIS_URL'),
        MONGO_URL: isolatedMongoUrl(label),
        LOG_LEVEL: 'warn',
        POD_DRIVER: 'none',
        METRICS_PORT: '0',
        ...admin.env(),
      }),
      ...overrides,
    });
    await app.init();
    return new TemplatesTestApp(app, admin);
  }

  http() {
    return request.agent(this.app.getHttpServer()).set(this.admin.headers);
  }

  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const response = await this.http().post('/graphql').send({ query, variables });
    return { status: response.status, ...response.body };
  }

  /** Runs a mutation or query that must succeed and returns its data. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.graphql<T>(query, variables);
    if (response.errors || !response.data) throw new Error(`GraphQL failed: ${JSON.stringify(response)}`);
    return response.data;
  }

  /** Drops the test database (unless a test already closed the connection) and closes the app. */
  async stop(): Promise<void> {
    const connection = this.app.get<Connection>(getConnectionToken());
    if (connection.readyState === 1) await connection.dropDatabase();
    await this.app.close();
    this.admin.remove();
  }
}

export const TEMPLATE_FIELDS = `
  templateId id name description version
  steps { name type config }
  inputSchema outputSchema requiredSecrets deprecated createdAt
  priority maxAttempts timeoutSeconds resourceClass cursor
  versions { version deprecated createdAt }
`;

/** Takes a template document (the seed's shape, `templateId`) as its input, verbatim. */
export const CREATE = `mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
export const PUBLISH = `mutation Publish($id: ID!, $bump: VersionBump, $version: String, $changes: JobTemplateChangesInput) {
  publishJobTemplateVersion(id: $id, bump: $bump, version: $version, changes: $changes) { ${TEMPLATE_FIELDS} }
}`;
export const GET = `query Get($id: ID!, $version: String) { jobTemplate(id: $id, version: $version) { ${TEMPLATE_FIELDS} } }`;

/** A minimal valid template with one transform step. */
export function simpleDraft(templateId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    templateId,
    steps: [{ name: 'shape', type: 'transform', config: { output: { total: { $from: 'input.amount' } } } }],
    inputSchema: { type: 'object', properties: { amount: { type: 'number' } } },
    outputSchema: { type: 'object', properties: { total: { type: 'number' } } },
    ...extra,
  };
}
