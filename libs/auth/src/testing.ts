/**
 * @base-shift/auth/testing — fixtures for tests of code built on this lib
 * (the control plane's guard and HTTP tests). Not for production code.
 */
export { startTestOidcIssuer, type AuthorizationRequestRecord, type SignOptions, type TestOidcIssuer, type TestOidcIssuerOptions } from './test/oidc-issuer';
