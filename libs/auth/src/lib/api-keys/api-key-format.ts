import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * An API key is `bsk_<id>_<secret>`: `bsk_` so scanners and people recognise
 * a leaked one; a 12-character lowercase base32 id (60 random bits) that is
 * not secret and names the key in lists, logs and the audit trail; and 32
 * random bytes as base64url (43 characters), the secret. The lengths are
 * fixed, so the `_` and `-` a base64url secret may hold never confuse parsing.
 */
const API_KEY = /^bsk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_LENGTH = 12;
const SECRET_BYTES = 32;

/** The rule, for messages; never echo the key itself, it is a credential. */
export const API_KEY_FORMAT = 'bsk_<12 lowercase base32 characters>_<43 base64url characters>';

export interface ParsedApiKey {
  id: string;
  secret: string;
}

/** A new random key (for `ApiKeyStore.create` and for tools that write a bootstrap key file). */
export function generateApiKey(): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += BASE32[randomInt(BASE32.length)];
  return `bsk_${id}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

/** Splits a presented key into id and secret, or undefined when it does not have the format. */
export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = API_KEY.exec(key);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

export function isApiKeyId(id: string): boolean {
  return /^[a-z2-7]{12}$/.test(id);
}

/**
 * SHA-256 of the secret, hex. A fast hash is right here, unlike for
 * passwords: the secret is 256 random bits, so there is no dictionary to try
 * and brute force is hopeless however fast each guess is. A slow hash (bcrypt,
 * scrypt) would only add tens of milliseconds to every authenticated request
 * and give an attacker a cheap way to burn our CPU.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
