import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyStore, InvalidAuthArgumentError, type ApiKeyInfo, type CreatedApiKey } from '@base-shift/auth';
import { RequireScopes } from './auth.decorators';

interface ApiKeyRepresentation {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
}

/** API keys: made (the key is shown once), listed (never the key), revoked at once on every replica. Admin only. */
@ApiTags('api-keys')
@Controller('api-keys')
@RequireScopes('admin')
export class ApiKeysController {
  constructor(@Inject(ApiKeyStore) private readonly keys: ApiKeyStore) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the answer holds the key, the only time it is shown.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'scopes'],
      properties: {
        name: { type: 'string', maxLength: 100 },
        scopes: {
          type: 'array',
          items: { type: 'string', enum: ['workflows:read', 'workflows:write', 'jobs:write', 'templates:read', 'templates:write', 'pools:read', 'admin'] },
        },
        expiresAt: { type: 'string', format: 'date-time' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The key, its id and what it grants.' })
  async create(@Body() body: unknown): Promise<ApiKeyRepresentation & { key: string }> {
    const fields = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    if (typeof fields['name'] !== 'string') throw new InvalidAuthArgumentError('name', 'is required: a string of 1-100 characters');
    const scopes = fields['scopes'];
    if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
      throw new InvalidAuthArgumentError('scopes', 'is required: a non-empty list of scope names');
    }
    const created: CreatedApiKey = await this.keys.create({ name: fields['name'], scopes, expiresAt: parseExpiry(fields['expiresAt']) });
    return { ...toRepresentation(created), key: created.key };
  }

  @Get()
  @ApiOperation({ summary: 'Every API key, oldest first (never the key itself).' })
  @ApiOkResponse({ description: '{ items: [...] }' })
  async list(): Promise<{ items: ApiKeyRepresentation[] }> {
    return { items: (await this.keys.list()).map(toRepresentation) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: every replica refuses it from the next request on.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}

function parseExpiry(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const at = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at))
    throw new InvalidAuthArgumentError('expiresAt', `must be an ISO 8601 date-time such as 2030-01-31T00:00:00Z (got ${JSON.stringify(value)})`);
  return at;
}

function toRepresentation(info: ApiKeyInfo): ApiKeyRepresentation {
  return {
    id: info.id,
    name: info.name,
    scopes: [...info.scopes],
    createdAt: new Date(info.createdAt).toISOString(),
    ...(info.expiresAt !== undefined && { expiresAt: new Date(info.expiresAt).toISOString() }),
    ...(info.lastUsedAt !== undefined && { lastUsedAt: new Date(info.lastUsedAt).toISOString() }),
  };
}
