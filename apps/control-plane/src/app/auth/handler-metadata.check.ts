import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_SCOPES } from './auth.decorators';

// @nestjs/graphql's RESOLVER_TYPE_METADATA (not exported from its index): 'Query', 'Mutation' or 'Subscription' on a root field.
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
type Handler = (...args: unknown[]) => unknown;

/**
 * Refuses to start the app while any controller route or GraphQL root field
 * declares neither `@RequireScopes(...)` nor `@Public()`, so a forgotten
 * decorator fails the first test run instead of shipping as a 403 (or worse).
 */
@Injectable()
export class HandlerMetadataCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing = findUndeclaredHandlers(this.discovery, this.scanner, this.reflector);
    if (missing.length > 0) {
      throw new Error(`these handlers declare neither @RequireScopes(...) nor @Public(): ${missing.join(', ')}`);
    }
  }
}

export function findUndeclaredHandlers(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): string[] {
  const missing: string[] = [];
  const check = (kind: 'route' | 'field', metatype: Type, prototype: object) => {
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as Handler;
      const isHandler =
        kind === 'route'
          ? Reflect.getMetadata(PATH_METADATA, handler) !== undefined
          : ['Query', 'Mutation', 'Subscription'].includes(Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string);
      if (!isHandler) continue;
      const targets = [handler, metatype];
      const declared =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) || (reflector.getAllAndOverride<unknown[]>(REQUIRED_SCOPES, targets)?.length ?? 0) > 0;
      if (!declared) missing.push(`${metatype.name}.${name}`);
    }
  };
  for (const wrapper of discovery.getControllers()) {
    if (wrapper.metatype && wrapper.instance) check('route', wrapper.metatype as Type, Object.getPrototypeOf(wrapper.instance) as object);
  }
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (wrapper.metatype && instance && typeof instance === 'object') check('field', wrapper.metatype as Type, Object.getPrototypeOf(instance) as object);
  }
  return missing;
}
