import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyListResponse, CreatedApiKeyResponse } from './auth-responses';
import { ApiKeyStore, InvalidAuthArgumentError, SCOPES, type ApiKeyInfo, type CreatedApiKey } from '@base-shift/auth';
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
  @ApiOperation({
    operationId: 'createApiKey',
    summary: 'Create an API key',
    description: 'Makes an API key with the given scopes; the answer holds the key, the only time it is shown.',
  })
  @ApiBody({
    description: 'The name, scopes and optional expiry of the key.',
    schema: {
      type: 'object',
      description: 'An API key to create.',
      required: ['name', 'scopes'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100, description: 'What the key is for.' },
        scopes: { type: 'array', minItems: 1, items: { type: 'string', enum: [...SCOPES] }, description: 'What it grants (admin grants every scope).' },
        expiresAt: { type: 'string', format: 'date-time', description: 'When it stops working; never when absent.' },
      },
    },
    examples: { reader: { summary: 'A read-only key for a dashboard', value: { name: 'dashboard', scopes: ['workflows:read', 'pools:read'] } } },
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: 'The key, its id and what it grants.' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; errors names it.' })
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
  @ApiOperation({ operationId: 'listApiKeys', summary: 'List API keys', description: 'Every API key, oldest first (never the key itself).' })
  @ApiOkResponse({ type: ApiKeyListResponse, description: 'The keys.' })
  async list(): Promise<{ items: ApiKeyRepresentation[] }> {
    return { items: (await this.keys.list()).map(toRepresentation) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', description: 'The key id.', schema: { type: 'string' } })
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key', description: 'Every replica refuses the key from the next request on.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: 'No key has this id.' })
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
