import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ApiKeyStore, AuditLog, Authenticator, OidcVerifier, RateLimiter } from '@base-shift/auth';
import type { RedisConnection } from '@base-shift/redis';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { REDIS } from '../infrastructure/redis.module';
import { ApiKeysController } from './api-keys.controller';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuthGuard } from './auth.guard';
import { AuthStartup } from './auth-startup.service';
import { HandlerMetadataCheck } from './handler-metadata.check';

/**
 * Access control over libs/auth: the global guard (scopes, rate limits), the
 * audit interceptor, API keys and audit endpoints, the bootstrap key, and
 * the start-up check that every handler declares its scopes.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [ApiKeysController, AuditController],
  providers: [
    {
      provide: ApiKeyStore,
      inject: [REDIS, CONTROL_PLANE_CONFIG],
      useFactory: (redis: RedisConnection, config: ControlPlaneConfig) => new ApiKeyStore(redis, { prefix: config.keyPrefix }),
    },
    {
      provide: AuditLog,
      inject: [REDIS, CONTROL_PLANE_CONFIG],
      useFactory: (redis: RedisConnection, config: ControlPlaneConfig) => new AuditLog(redis, { prefix: config.keyPrefix }),
    },
    {
      provide: RateLimiter,
      inject: [REDIS, CONTROL_PLANE_CONFIG],
      useFactory: (redis: RedisConnection, config: ControlPlaneConfig) => new RateLimiter(redis, { ...config.auth.rate, prefix: config.keyPrefix }),
    },
    {
      provide: Authenticator,
      inject: [ApiKeyStore, CONTROL_PLANE_CONFIG],
      useFactory: (apiKeys: ApiKeyStore, config: ControlPlaneConfig) =>
        new Authenticator({ apiKeys, oidc: config.auth.oidc ? new OidcVerifier(config.auth.oidc) : undefined }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    AuthStartup,
    HandlerMetadataCheck,
  ],
  exports: [ApiKeyStore, AuditLog],
})
export class AuthModule {}
