import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface TestOidcIssuerOptions {
  /** The `aud` of signed tokens by default (default `base-shift`). */
  audience?: string;
  /** Algorithm of the generated keys (default RS256). */
  alg?: string;
  /**
   * The origin of a browser app allowed to read discovery and call the token endpoint cross-origin (CORS);
   * also settable later, once the app's port is known.
   */
  corsOrigin?: string;
  /** The `scope` claim of tokens from the token endpoint (default: the scopes the authorization request asked for). */
  grantedScopes?: string;
}

/** What the authorization endpoint was asked, as recorded for the test to inspect. */
export interface AuthorizationRequestRecord {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce: string | undefined;
  codeChallenge: string;
  codeChallengeMethod: string;
}

export interface SignOptions {
  /** Sign with this key instead of the current one (it must still be held). */
  kid?: string;
}

/**
 * A minimal OIDC issuer on loopback for tests: the discovery document, a JWKS
 * whose keys can be rotated and removed, and tokens signed with them. For a
 * browser's sign-in, an authorization endpoint that consents at once (it
 * redirects straight back with a one-time code) and a token endpoint that
 * trades the code for tokens only with the matching PKCE verifier (S256),
 * client id and redirect URI — the authorization code flow of a public client.
 */
export interface TestOidcIssuer {
  readonly issuerUrl: string;
  readonly audience: string;
  /** The kid new tokens are signed with. */
  readonly currentKid: string;
  /** Key-set responses served so far: shows when a verifier fetched again. */
  readonly jwksFetches: number;
  /**
   * A token with `iss`, `aud`, `sub: 'user-1'`, `iat` and `exp` in 5 minutes,
   * each overridden by `claims` (`exp: past` expires it, `aud: 'x'` retargets it).
   */
  sign(claims?: JWTPayload, options?: SignOptions): Promise<string>;
  /** Adds a new key, publishes it next to the old ones and signs with it from now on; returns its kid. */
  rotateKey(): Promise<string>;
  /** Stops publishing a key (tokens can still be signed with it, to test that they are refused). */
  unpublishKey(kid: string): void;
  /** While false, every request is answered 503 (an identity provider outage). */
  available: boolean;
  /** The origin allowed to call discovery and the token endpoint from a browser (CORS), if any. */
  corsOrigin: string | undefined;
  /** Every request the authorization endpoint accepted, in order. */
  readonly authorizationRequests: readonly AuthorizationRequestRecord[];
  /** Codes the token endpoint traded for tokens. */
  readonly tokensIssued: number;
  /** The current key's public key as PEM, e.g. to try it as an HMAC secret. */
  publicKeyPem(): Promise<string>;
  close(): Promise<void>;
}

interface IssuerKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
  published: boolean;
}

export async function startTestOidcIssuer(options: TestOidcIssuerOptions = {}): Promise<TestOidcIssuer> {
  const alg = options.alg ?? 'RS256';
  const audience = options.audience ?? 'base-shift';
  const keys: IssuerKey[] = [];
  let jwksFetches = 0;
  let issuerUrl = '';
  let available = true;
  let corsOrigin = options.corsOrigin;
  let tokensIssued = 0;
  const authorizationRequests: AuthorizationRequestRecord[] = [];
  /** Codes not yet traded: each works once. */
  const codes = new Map<string, AuthorizationRequestRecord>();

  const addKey = async (): Promise<IssuerKey> => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = `key-${keys.length + 1}`;
    const key = { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, published: true };
    keys.push(key);
    return key;
  };
  await addKey();
  const current = () => keys[keys.length - 1];

  const signToken = async (claims: JWTPayload, kid?: string): Promise<string> => {
    const key = kid === undefined ? current() : keys.find((candidate) => candidate.kid === kid);
    if (!key) throw new Error(`the test issuer has no key ${kid}`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuerUrl, aud: audience, sub: 'user-1', iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
      .sign(key.privateKey);
  };

  const authorize = (url: URL, response: ServerResponse) => {
    const param = (name: string) => url.searchParams.get(name) ?? '';
    const redirectUri = param('redirect_uri');
    // Without a redirect URI to answer at, an authorization server shows its own error page.
    if (!/^https?:\/\//.test(redirectUri)) return void response.writeHead(400, { 'content-type': 'text/plain' }).end('redirect_uri is required');
    const back = new URL(redirectUri);
    const state = param('state');
    if (state) back.searchParams.set('state', state);
    const problem =
      param('response_type') !== 'code'
        ? 'response_type must be code'
        : !param('client_id')
          ? 'client_id is required'
          : param('code_challenge_method') !== 'S256' || !param('code_challenge')
            ? 'a code_challenge with code_challenge_method=S256 is required'
            : undefined;
    if (problem) {
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', problem);
    } else {
      const record: AuthorizationRequestRecord = {
        clientId: param('client_id'),
        redirectUri,
        scope: param('scope'),
        state,
        nonce: url.searchParams.get('nonce') ?? undefined,
        codeChallenge: param('code_challenge'),
        codeChallengeMethod: param('code_challenge_method'),
      };
      authorizationRequests.push(record);
      const code = randomBytes(16).toString('base64url');
      codes.set(code, record);
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.toString() }).end();
  };

  const token = async (request: IncomingMessage, send: (status: number, body: unknown) => void) => {
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const form = new URLSearchParams(raw);
    const refuse = (error: string, description: string) => send(400, { error, error_description: description });
    if (form.get('grant_type') !== 'authorization_code') return refuse('unsupported_grant_type', 'grant_type must be authorization_code');
    const code = form.get('code') ?? '';
    const record = codes.get(code);
    codes.delete(code);
    if (!record) return refuse('invalid_grant', 'unknown or already used code');
    if (form.get('client_id') !== record.clientId) return refuse('invalid_grant', 'client_id differs from the authorization request');
    if (form.get('redirect_uri') !== record.redirectUri) return refuse('invalid_grant', 'redirect_uri differs from the authorization request');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== record.codeChallenge) return refuse('invalid_grant', 'code_verifier does not match');
    tokensIssued++;
    const scope = options.grantedScopes ?? record.scope;
    const idClaims = { aud: record.clientId, ...(record.nonce !== undefined && { nonce: record.nonce }) };
    send(200, {
      access_token: await signToken({ scope }),
      token_type: 'Bearer',
      expires_in: 300,
      scope,
      ...(record.scope.split(' ').includes('openid') && { id_token: await signToken(idClaims) }),
    });
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://issuer');
    // Discovery and the token endpoint are called by a browser app on another origin.
    const cors: Record<string, string> =
      corsOrigin !== undefined && request.headers.origin === corsOrigin ? { 'access-control-allow-origin': corsOrigin, vary: 'Origin' } : {};
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
      response.end(JSON.stringify(body));
    };
    if (!available) return void response.writeHead(503, cors).end();
    if (request.method === 'OPTIONS') {
      return void response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' }).end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(200, {
        issuer: issuerUrl,
        jwks_uri: `${issuerUrl}/jwks`,
        authorization_endpoint: `${issuerUrl}/authorize`,
        token_endpoint: `${issuerUrl}/token`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: [alg],
      });
    }
    if (url.pathname === '/jwks') {
      jwksFetches++;
      return send(200, { keys: keys.filter((key) => key.published).map((key) => key.jwk) });
    }
    if (url.pathname === '/authorize' && request.method === 'GET') return authorize(url, response);
    if (url.pathname === '/token' && request.method === 'POST') {
      return void token(request, send).catch((error: unknown) => send(500, { error: 'server_error', error_description: String(error) }));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuerUrl,
    audience,
    get currentKid() {
      return current().kid;
    },
    get jwksFetches() {
      return jwksFetches;
    },
    get available() {
      return available;
    },
    set available(value) {
      available = value;
    },
    get corsOrigin() {
      return corsOrigin;
    },
    set corsOrigin(value) {
      corsOrigin = value;
    },
    get authorizationRequests() {
      return authorizationRequests;
    },
    get tokensIssued() {
      return tokensIssued;
    },
    sign: (claims = {}, { kid } = {}) => signToken(claims, kid),
    async rotateKey() {
      return (await addKey()).kid;
    },
    unpublishKey(kid) {
      const key = keys.find((candidate) => candidate.kid === kid);
      if (!key) throw new Error(`the test issuer has no key ${kid}`);
      key.published = false;
    },
    publicKeyPem: () => exportSPKI(current().publicKey),
    async close() {
      // fetch keeps connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
