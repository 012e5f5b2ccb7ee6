import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SelfSignedCertificate {
  /** PEM: the server's certificate, also the trust anchor a client is given (ca / NODE_EXTRA_CA_CERTS). */
  cert: string;
  /** PEM private key. */
  key: string;
}

/**
 * A throwaway certificate for `host` (valid two days), made with the openssl
 * command every Debian has: HTTPS stand-ins for real APIs (the demo's payment
 * gateway, the executor's TLS tests). Node can sign nothing itself. No other
 * imports than node's: the demo loads this file with type stripping.
 */
export function selfSignedCertificate(host: string): SelfSignedCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'base-shift-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${host}`].concat([
        '-addext',
        `subjectAltName=DNS:${host}`,
        '-keyout',
        key,
        '-out',
        cert,
      ]),
      { stdio: 'pipe' },
    );
    return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
