import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { consoleConfigDocument, issuerOrigin, type ConsoleConfigDocument } from './console-config';
import { ConsoleFiles, isAssetPath, isPlainSegment } from './console-files';
import { consoleContentSecurityPolicy, IMMUTABLE_CACHE, REVALIDATE_CACHE, setConsoleSecurityHeaders } from './console-headers';

/**
 * The operator console (apps/console, a single-page app) at /ui, on the API's own origin so it needs no
 * CORS. Public: its files hold no data, and every API call the console makes carries the user's bearer
 * key and goes through the guarded routes. A path that names no file answers index.html (the app's
 * router draws the page), except under assets/, where a missing file is a 404: HTML served as a
 * script would only hide the mistake. /ui/config.json tells the app, before sign-in, whether it offers single
 * sign-on (nothing secret). Not part of the REST contract, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Controller('ui')
@Public()
export class ConsoleController {
  private readonly config: ConsoleConfigDocument;
  private readonly contentSecurityPolicy: string;

  constructor(
    @Inject(ConsoleFiles) private readonly files: ConsoleFiles,
    @Inject(CONTROL_PLANE_CONFIG) controlPlaneConfig: ControlPlaneConfig,
  ) {
    this.config = consoleConfigDocument(controlPlaneConfig.auth.consoleOidc);
    this.contentSecurityPolicy = consoleContentSecurityPolicy(issuerOrigin(controlPlaneConfig.auth.consoleOidc));
  }

  // Declared before the wildcard, which would otherwise answer it with index.html.
  @Get('config.json')
  consoleConfig(@Res() response: Response): void {
    setConsoleSecurityHeaders(response, this.contentSecurityPolicy);
    // Revalidated like index.html: an operator who turns single sign-on on or off must reach open tabs on reload.
    response.setHeader('Cache-Control', REVALIDATE_CACHE);
    response.json(this.config);
  }

  @Get()
  index(@Res() response: Response): void {
    this.sendIndex(response);
  }

  @Get('*path')
  file(@Param('path') path: string[] | string, @Res() response: Response): void {
    // Express 5 hands a named wildcard over as its decoded segments ('%2F' stays inside one, and is refused there).
    const segments = (Array.isArray(path) ? path : path.split('/')).filter((segment) => segment !== '');
    if (segments.length === 0) return this.sendIndex(response);
    const file = this.files.file(segments);
    if (file) return this.send(response, file, isAssetPath(segments) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    // A traversal attempt or a hidden file is refused outright rather than answered with the app.
    if (isAssetPath(segments) || !segments.every(isPlainSegment)) throw this.notFound(segments.join('/'));
    this.sendIndex(response);
  }

  private sendIndex(response: Response): void {
    if (!this.files.isBuilt()) throw this.notFound('index.html');
    this.send(response, this.files.indexHtml, REVALIDATE_CACHE);
  }

  private send(response: Response, file: string, cacheControl: string): void {
    setConsoleSecurityHeaders(response, this.contentSecurityPolicy);
    response.setHeader('Cache-Control', cacheControl);
    // An absolute path already confined to the console's directory; send() adds the type, ETag and 304s.
    response.sendFile(file, { cacheControl: false, dotfiles: 'deny' });
  }

  private notFound(name: string): NotFoundException {
    if (!this.files.isBuilt()) {
      return new NotFoundException({
        title: 'Console not built',
        detail: `the console was not built: ${this.files.root} has no index.html (run \`npx nx build console\`, or set CONSOLE_DIR to its build)`,
      });
    }
    return new NotFoundException({ title: 'Not found', detail: `the console has no file ${name}` });
  }
}
