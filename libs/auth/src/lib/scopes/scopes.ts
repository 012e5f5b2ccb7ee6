import { ForbiddenError, InvalidAuthArgumentError } from '../errors/auth-errors';

/** Every scope the platform knows. `admin` implies all the others. */
export const SCOPES = ['workflows:read', 'workflows:write', 'jobs:write', 'templates:read', 'templates:write', 'pools:read', 'admin'] as const;

export type Scope = (typeof SCOPES)[number];

const KNOWN: ReadonlySet<string> = new Set(SCOPES);

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && KNOWN.has(value);
}

/**
 * A scope list from a caller (an API key request): an array of names or one
 * space-separated string (the OAuth `scope` form). Unknown names are errors
 * naming them, not silently dropped: a typo in a key's scopes would otherwise
 * make a key that cannot do what its creator meant. Duplicates are removed;
 * the order is SCOPES' order.
 */
export function parseScopes(value: unknown, field = 'scopes'): Scope[] {
  const names = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  if (!Array.isArray(names)) {
    throw new InvalidAuthArgumentError(field, `must be a list of scopes or a space-separated string (got ${describe(value)})`);
  }
  for (const [index, name] of names.entries()) {
    if (!isScope(name)) {
      throw new InvalidAuthArgumentError(`${field}[${index}]`, `is not a known scope (got ${describe(name)}); known scopes: ${SCOPES.join(', ')}`);
    }
  }
  if (names.length === 0) throw new InvalidAuthArgumentError(field, `must name at least one scope; known scopes: ${SCOPES.join(', ')}`);
  return SCOPES.filter((scope) => names.includes(scope));
}

/**
 * The known scopes in a token's claim (a space-separated string or an array).
 * Unlike parseScopes, unknown names are dropped: an identity provider issues
 * scopes for many audiences, and ours are the only ones that mean anything here.
 */
export function knownScopes(claim: unknown): Scope[] {
  const names = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim : [];
  return SCOPES.filter((scope) => names.includes(scope));
}

/** Whether `granted` covers every `required` scope (`admin` covers them all). */
export function grants(granted: readonly Scope[], required: Scope | readonly Scope[]): boolean {
  return missingScope(granted, required) === undefined;
}

/** Throws ForbiddenError naming the first required scope that `granted` does not cover. */
export function requireScopes(granted: readonly Scope[], required: Scope | readonly Scope[]): void {
  const missing = missingScope(granted, required);
  if (missing !== undefined) throw new ForbiddenError(missing);
}

function missingScope(granted: readonly Scope[], required: Scope | readonly Scope[]): Scope | undefined {
  if (granted.includes('admin')) return undefined;
  const needed: readonly Scope[] = typeof required === 'string' ? [required] : required;
  return needed.find((scope) => !granted.includes(scope));
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value).slice(0, 100);
}
