import { ForbiddenError, InvalidAuthArgumentError } from '../errors/auth-errors';
import { caught } from '../../test/caught';
import { grants, knownScopes, parseScopes, requireScopes, SCOPES } from './scopes';

describe('scopes', () => {
  it('admin grants every scope', () => {
    for (const scope of SCOPES) expect(grants(['admin'], scope)).toBe(true);
    expect(grants(['admin'], [...SCOPES])).toBe(true);
  });

  it('other scopes grant only themselves, and every required scope must be granted', () => {
    expect(grants(['workflows:read'], 'workflows:read')).toBe(true);
    expect(grants(['workflows:write'], 'workflows:read')).toBe(false);
    expect(grants(['workflows:read', 'jobs:write'], ['workflows:read', 'jobs:write'])).toBe(true);
    expect(grants(['workflows:read'], ['workflows:read', 'jobs:write'])).toBe(false);
    expect(grants([], 'pools:read')).toBe(false);
  });

  it('requireScopes throws a forbidden error that names the missing scope', async () => {
    expect(() => requireScopes(['templates:read'], ['templates:read', 'templates:write'])).toThrow(new ForbiddenError('templates:write'));
    expect(await caught(() => requireScopes([], 'pools:read'))).toMatchObject({ code: 'AUTH.FORBIDDEN', missingScope: 'pools:read' });
    expect(() => requireScopes(['admin'], 'templates:write')).not.toThrow();
  });

  it('parseScopes takes a list or a space-separated string, drops duplicates and keeps SCOPES order', () => {
    expect(parseScopes(['jobs:write', 'workflows:read', 'jobs:write'])).toEqual(['workflows:read', 'jobs:write']);
    expect(parseScopes(' pools:read  admin ')).toEqual(['pools:read', 'admin']);
  });

  it('parseScopes names an unknown scope, an empty list and a wrong type', async () => {
    expect(() => parseScopes(['workflows:read', 'workflows:delete'])).toThrow(
      new InvalidAuthArgumentError('scopes[1]', `is not a known scope (got "workflows:delete"); known scopes: ${SCOPES.join(', ')}`),
    );
    expect(() => parseScopes([])).toThrow('scopes must name at least one scope');
    expect(() => parseScopes(42, 'body.scopes')).toThrow('body.scopes must be a list of scopes or a space-separated string (got 42)');
    expect(await caught(() => parseScopes([7]))).toMatchObject({ code: 'AUTH.INVALID', field: 'scopes[0]' });
  });

  it('knownScopes keeps the known scopes of a token claim and ignores the rest', () => {
    expect(knownScopes('openid profile workflows:read admin')).toEqual(['workflows:read', 'admin']);
    expect(knownScopes(['email', 'templates:read'])).toEqual(['templates:read']);
    expect(knownScopes(undefined)).toEqual([]);
    expect(knownScopes({ scope: 'admin' })).toEqual([]);
  });
});
