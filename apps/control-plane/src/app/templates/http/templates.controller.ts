import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TemplateError, TemplateService, type ResolvedTemplate } from '@base-shift/templates';
import { templateHttpException } from './template-http-exception';
import { toTemplateRepresentation } from './template-representation';
import { RequireScopes } from '../../auth/auth.decorators';
import { schemaRef } from '../../http/openapi-schemas';

/** Read-only REST access for clients without GraphQL; same resolution rules as Query.jobTemplate. */
@ApiTags('templates')
@Controller('templates')
@RequireScopes('templates:read')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Get(':id')
  @ApiOperation({
    operationId: 'getTemplate',
    summary: 'Get a job template',
    description:
      'One version of a template (the highest released, non-deprecated one unless version says otherwise) as its document, with createdAt and the list of its versions.',
  })
  @ApiParam({ name: 'id', description: 'The template id.', schema: { type: 'string', example: 'order_validation' } })
  @ApiQuery({ name: 'version', required: false, description: 'An exact version or a semver range.', schema: { type: 'string', example: '^1.0' } })
  @ApiOkResponse({ description: 'The template version, its document as stored plus createdAt and versions.', schema: schemaRef('JsonObject') })
  @ApiBadRequestResponse({ description: 'version is given more than once, or is not a version or range.' })
  @ApiNotFoundResponse({ description: 'No such template, or no version matches.' })
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
