import { Controller, Get, Next, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators';
import { IDE_ASSET_PATH, ideAsset } from './ide-assets';
import { IDE_CONTENT_SECURITY_POLICY, idePage } from './ide-page';

// Asked for in this order, so a client that accepts anything (curl's */*) gets GraphQL, not the page.
const GRAPHQL_MEDIA_TYPES = ['application/graphql-response+json', 'application/json', 'text/html'];

/**
 * GraphiQL for a browser opening the GraphQL URL. Public: the page and its
 * files hold no data, and every operation it sends goes through the guarded
 * endpoint with the key the user pastes. Registered as routes before Apollo's
 * middleware (Nest mounts controllers first), so GET /graphql comes here
 * first: a browser navigation (prefers text/html, no `query` parameter) gets
 * the page; any other GET falls through to Apollo unchanged, CSRF prevention
 * included. Not part of the REST contract, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Controller('graphql')
@Public()
export class GraphqlIdeController {
  @Get()
  page(@Req() request: Request, @Res() response: Response, @Next() next: NextFunction, @Query('query') query?: unknown): void {
    if (query !== undefined || request.accepts(GRAPHQL_MEDIA_TYPES) !== 'text/html') return next();
    securityHeaders(response);
    response.setHeader('Cache-Control', 'no-store');
    response.type('text/html; charset=utf-8').send(idePage(IDE_ASSET_PATH));
  }

  @Get('ide/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    const asset = ideAsset(file);
    if (!asset) throw new NotFoundException({ title: 'Not found', detail: `the GraphQL IDE has no file ${file}` });
    securityHeaders(response);
    // Revalidated each time (Express answers 304 to a matching If-None-Match): the names carry no version, and an upgrade must reach the browser.
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('ETag', asset.etag);
    response.type(asset.contentType).send(asset.body);
  }
}

function securityHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
}
