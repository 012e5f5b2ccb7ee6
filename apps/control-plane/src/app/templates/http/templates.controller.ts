import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { TemplateError, TemplateService, type ResolvedTemplate } from '@base-shift/templates';
import { templateHttpException } from './template-http-exception';
import { toTemplateRepresentation } from './template-representation';
import { RequireScopes } from '../../auth/auth.decorators';

/** Read-only REST access for clients without GraphQL; same resolution rules as Query.jobTemplate. */
@Controller('templates')
@RequireScopes('templates:read')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Get(':id')
  async getTemplate(@Param('id') id: string, @Query('version') version?: unknown): Promise<ReturnType<typeof toTemplateRepresentation>> {
    if (version !== undefined && typeof version !== 'string') {
      throw new BadRequestException({
        title: 'Invalid version',
        detail: 'give version at most once',
        errors: [{ pointer: '/version', message: 'must be a single value' }],
      });
    }
    let found: ResolvedTemplate | null;
    try {
      found = await this.templates.getTemplate(id, version);
    } catch (error) {
      throw error instanceof TemplateError ? templateHttpException(error) : error;
    }
    if (!found) {
      throw new NotFoundException({
        title: 'Template not found',
        detail: version ? `template ${id} has no version matching ${version}` : `template ${id} does not exist or has no released, non-deprecated version`,
      });
    }
    return toTemplateRepresentation(found);
  }
}
