import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { SCOPES } from '@base-shift/auth';

/* The documented shapes of /api-keys and /audit answers. */

@ApiSchema({ description: 'An API key as listed: never the key itself.' })
export class ApiKeyResponse {
  @ApiProperty({ description: 'The key id (the audit actor).' }) id!: string;
  @ApiProperty({ description: 'What it is for.' }) name!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...SCOPES] }, description: 'What it grants.' }) scopes!: string[];
  @ApiProperty({ format: 'date-time', description: 'When it was made.' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it stops working.' }) expiresAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was last used (roughly).' }) lastUsedAt?: string;
}

@ApiSchema({ description: 'A new API key, with the key: the only time it is shown.' })
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key (bsk_…): send it as `Authorization: Bearer <key>`.' }) key!: string;
}

@ApiSchema({ description: 'Every API key, oldest first.' })
export class ApiKeyListResponse {
  @ApiProperty({ type: [ApiKeyResponse], description: 'The keys.' }) items!: ApiKeyResponse[];
}

@ApiSchema({ description: 'One audited call.' })
export class AuditEntryResponse {
  @ApiProperty({ description: 'The entry id (a cursor).' }) id!: string;
  @ApiProperty({ description: 'When, in ms since the epoch.' }) at!: number;
  @ApiProperty({ description: 'An API key id, an OIDC subject, or anonymous.' }) actor!: string;
  @ApiProperty({ description: 'What was attempted, e.g. POST /workflows.' }) action!: string;
  @ApiProperty({ description: 'What it was attempted on; may be empty.' }) target!: string;
  @ApiProperty({ enum: ['allowed', 'denied', 'failed'], description: 'How it ended.' }) outcome!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'The HTTP status answered.' }) status?: number;
  @ApiProperty({ description: 'The request id (X-Request-Id).' }) requestId!: string;
}

@ApiSchema({ description: 'A page of the audit trail, newest first.' })
export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'The entries.' }) entries!: AuditEntryResponse[];
  @ApiPropertyOptional({ description: 'Pass as before for the next (older) page; absent on the last page.' }) next?: string;
}
