import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditPageResponse } from './auth-responses';
import { AuditLog, InvalidAuthArgumentError, MAX_AUDIT_PAGE, type AuditPage } from '@base-shift/auth';
import { RequireScopes } from './auth.decorators';

/** The audit trail: state-changing and denied calls, newest first, in bounded pages. Admin only. */
@ApiTags('audit')
@Controller('audit')
@RequireScopes('admin')
export class AuditController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({
    operationId: 'listAuditEntries',
    summary: 'Read the audit trail',
    description: 'Audit entries (time, actor, action, target, outcome, status, request id), newest first; page with before = next.',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: `Entries per page, 1 to ${MAX_AUDIT_PAGE}.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE, default: 50 },
  })
  @ApiQuery({ name: 'before', required: false, description: 'The next cursor of the previous page.', schema: { type: 'string' } })
  @ApiOkResponse({ type: AuditPageResponse, description: 'A page of entries.' })
  @ApiBadRequestResponse({ description: 'limit or before is invalid; errors names it.' })
  async list(@Query('limit') limit?: unknown, @Query('before') before?: unknown): Promise<AuditPage> {
    if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit))) {
      throw new InvalidAuthArgumentError('limit', `must be an integer from 1 to ${MAX_AUDIT_PAGE}`);
    }
    if (before !== undefined && typeof before !== 'string') throw new InvalidAuthArgumentError('before', 'must be given at most once');
    return this.audit.list({ limit: limit === undefined ? undefined : Number(limit), before });
  }
}
