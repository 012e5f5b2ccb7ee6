import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { TemplateService, type TemplateDraft } from '@base-shift/templates';
import { RequireScopes } from '../../auth/auth.decorators';
import { MaxDepthPipe } from '../../workflows/http/max-depth.pipe';
import { TEMPLATE_DOCUMENT_EXAMPLE, TemplateDocumentBody, TemplateResponse } from './template-openapi';
import { toTemplateRepresentation, type TemplateRepresentation } from './template-representation';

/**
 * REST access for clients without GraphQL: the same documents and resolution
 * rules as createJobTemplate and Query.jobTemplate. Template domain errors
 * leave through the global problem+json filter (template-http-exception.ts).
 */
@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Post()
  @RequireScopes('templates:write')
  @HttpCode(201)
  @UsePipes(new MaxDepthPipe())
  @ApiOperation({
    operationId: 'createTemplate',
    summary: 'Create a template with its first version.',
    description:
      "Takes a template document as the seed writes it (templateId, version, steps, inputSchema, outputSchema; name defaults to the templateId) and stores it as the template's first version (1.0.0 unless version is given). Every problem is reported at once, each with its JSON Pointer. Publishing further versions is a GraphQL mutation (publishJobTemplateVersion).",
  })
  @ApiBody({
    type: TemplateDocumentBody,
    description: 'The template document, application/json.',
    examples: { payment_gateway_template: { summary: "The seed's payment_gateway_template, as written", value: TEMPLATE_DOCUMENT_EXAMPLE } },
  })
  @ApiCreatedResponse({ type: TemplateResponse, description: 'Created; Location names the template.' })
  @ApiBadRequestResponse({ description: 'The document is invalid: errors lists every problem with its JSON Pointer.' })
  @ApiConflictResponse({ description: 'A template with this templateId already exists (publish a new version of it instead).' })
  @ApiPayloadTooLargeResponse({ description: 'The body is larger than the server accepts.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json.' })
  async createTemplate(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<TemplateRepresentation> {
    // The service validates the whole document (the body is `unknown` on purpose: no DTO may coerce it first).
    const created = await this.templates.createTemplate(body as TemplateDraft);
    response.location(`/templates/${encodeURIComponent(created.template.templateId)}`);
    return toTemplateRepresentation(created);
  }

  @Get(':templateId')
  @RequireScopes('templates:read')
  @ApiOperation({
    operationId: 'getTemplate',
    summary: 'Get one version of a template.',
    description: 'An exact version (even deprecated), the highest non-deprecated version in a semver range, or by default the highest non-deprecated release.',
  })
  @ApiParam({ name: 'templateId', description: "The template's identifier.", example: 'payment_gateway_template' })
  @ApiQuery({
    name: 'version',
    required: false,
    description: 'Exact version (1.2.0) or semver range (^1.2, ~1.2.3, >=2 <3); default: the highest non-deprecated release.',
    schema: { type: 'string', example: '^1.2' },
  })
  @ApiOkResponse({ type: TemplateResponse, description: 'The resolved version, with the list of all versions.' })
  @ApiBadRequestResponse({ description: 'version is neither a version nor a range, or was given twice.' })
  @ApiNotFoundResponse({ description: 'No such template, or no version matching the selector.' })
  async getTemplate(@Param('templateId') templateId: string, @Query('version') version?: unknown): Promise<TemplateRepresentation> {
    if (version !== undefined && typeof version !== 'string') {
      throw new BadRequestException({
        title: 'Invalid request',
        detail: 'give version at most once',
        errors: [{ pointer: '/version', message: 'must be a single value' }],
      });
    }
    const found = await this.templates.getTemplate(templateId, version);
    if (!found) {
      throw new NotFoundException({
        title: 'Template not found',
        detail: version
          ? `template ${templateId} has no version matching ${version}`
          : `template ${templateId} does not exist or has no released, non-deprecated version`,
      });
    }
    return toTemplateRepresentation(found);
  }
}
