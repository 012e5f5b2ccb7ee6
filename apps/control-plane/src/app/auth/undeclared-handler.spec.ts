import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AuditLog, Authenticator, RateLimiter } from '@base-shift/auth';
import { CONTROL_PLANE_CONFIG } from '../config/control-plane-config';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { Public, RequireScopes } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { HandlerMetadataCheck } from './handler-metadata.check';

@Controller('forgotten')
class ForgottenController {
  @Get()
  list(): string {
    return 'should never be served';
  }

  @Get('declared')
  @RequireScopes('pools:read')
  declared(): string {
    return 'ok';
  }
}

@Controller('probe')
@Public()
class ProbeController {
  @Get()
  probe(): string {
    return 'ok';
  }
}

// AUTH_MODE=none: every caller is an admin, so only the missing declaration can refuse the call.
const guardProviders = [
  { provide: CONTROL_PLANE_CONFIG, useValue: { auth: { mode: 'none' } } },
  { provide: Authenticator, useValue: {} },
  { provide: RateLimiter, useValue: {} },
  { provide: AuditLog, useValue: { record: async () => '0-1' } },
  { provide: APP_GUARD, useClass: AuthGuard },
];

@Module({ controllers: [ForgottenController, ProbeController], providers: guardProviders })
class GuardOnlyModule {}

@Module({ imports: [DiscoveryModule], controllers: [ForgottenController, ProbeController], providers: [...guardProviders, HandlerMetadataCheck] })
class CheckedModule {}

describe('a handler that declares neither @RequireScopes nor @Public', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is refused by the global guard even for an admin (deny by default)', async () => {
    app = await NestFactory.create(GuardOnlyModule, { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    const refused = await request(app.getHttpServer()).get('/forgotten').expect(403);
    expect(refused.body.detail).toContain('none declared by this handler');
    await request(app.getHttpServer()).get('/forgotten/declared').expect(200);
    await request(app.getHttpServer()).get('/probe').expect(200);
  });

  it('stops the app from starting, naming the handler', async () => {
    app = await NestFactory.create(CheckedModule, { logger: false, abortOnError: false });
    await expect(app.init()).rejects.toThrow('these handlers declare neither @RequireScopes(...) nor @Public(): ForgottenController.list');
  });
});
