import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface TestOidcIssuerOptions {
  /** The `aud` of signed tokens by default (default `base-shift`). */
  audience?: string;
  /** Algorithm of the generated keys (default RS256). */
  alg?: string;
}

export interface SignOptions {
  /** Sign with this key instead of the current one (it must still be held). */
  kid?: string;
}

/**
 * A minimal OIDC issuer on loopback for tests: the discovery document, a JWKS
 * whose keys can be rotated and removed, and tokens signed with them.
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

  const addKey = async (): Promise<IssuerKey> => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = `key-${keys.length + 1}`;
    const key = { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, published: true };
    keys.push(key);
    return key;
  };
  await addKey();
  const current = () => keys[keys.length - 1];

  const server: Server = createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (!available) return void response.writeHead(503).end();
    if (request.url === '/.well-known/openid-configuration') return send({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/jwks` });
    if (request.url === '/jwks') {
      jwksFetches++;
      return send({ keys: keys.filter((key) => key.published).map((key) => key.jwk) });
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
    async sign(claims = {}, { kid } = {}) {
      const key = kid === undefined ? current() : keys.find((candidate) => candidate.kid === kid);
      if (!key) throw new Error(`the test issuer has no key ${kid}`);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuerUrl, aud: audience, sub: 'user-1', iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);
    },
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
