import { isScope, type Scope } from '../scopes/scopes';

/** What is known about an API key; never its secret nor the secret's hash. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  scopes: Scope[];
  /** ms since the epoch. */
  createdAt: number;
  expiresAt?: number;
  /** Updated at most once a minute, so it is accurate to about that. */
  lastUsedAt?: number;
}

export interface StoredApiKey extends ApiKeyInfo {
  /** SHA-256 of the secret, hex (see hashSecret). */
  secretHash: string;
}

/** The record's hash fields, flattened for HSET. */
export function apiKeyFields(key: Omit<StoredApiKey, 'id' | 'lastUsedAt'>): string[] {
  const fields = ['name', key.name, 'scopes', key.scopes.join(' '), 'secretHash', key.secretHash, 'createdAt', String(key.createdAt)];
  if (key.expiresAt !== undefined) fields.push('expiresAt', String(key.expiresAt));
  return fields;
}

/** A record read with HGETALL, or undefined when absent or not a whole record. */
export function decodeApiKey(id: string, hash: Record<string, string>): StoredApiKey | undefined {
  const { name, scopes, secretHash, createdAt, expiresAt, lastUsedAt } = hash;
  if (name === undefined || scopes === undefined || !/^[0-9a-f]{64}$/.test(secretHash ?? '') || createdAt === undefined) return undefined;
  return {
    id,
    name,
    scopes: scopes.split(' ').filter(isScope),
    createdAt: Number(createdAt),
    ...(expiresAt ? { expiresAt: Number(expiresAt) } : {}),
    ...(lastUsedAt ? { lastUsedAt: Number(lastUsedAt) } : {}),
    secretHash,
  };
}

export function publicInfo({ secretHash: _secretHash, ...info }: StoredApiKey): ApiKeyInfo {
  return info;
}
