/**
 * Credentials must never reach the audit trail. Its entries are kept for
 * weeks, copied to replicas, RDB/AOF files and backups, and read by people
 * who may not hold the credentials themselves; a token there is a leaked
 * token. Callers pass what they have at hand (a request path with
 * `?access_token=`, a header, an error message), so values are cleaned here,
 * once, instead of trusting every caller: whatever looks like an API key or a
 * JWT is replaced, and the rest of the entry is kept.
 */
export const REDACTED = '[redacted]';

const API_KEY_LIKE = /bsk_[A-Za-z0-9_-]*/g;
// Runs of at least three dot-separated base64url segments: JWS (3) and JWE (5) compact forms.
const DOTTED_RUN = /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,}/g;

export function redactCredentials(value: string): string {
  return value.replace(API_KEY_LIKE, REDACTED).replace(DOTTED_RUN, (run) => {
    const parts = run.split('.');
    // A JWT starts with a header that is a base64url JSON object. Checking that,
    // instead of matching any three dotted words, keeps host names, versions
    // and `templates.read`-like text intact; a token after a prefix such as
    // `v1.eyJ…` is still found.
    const start = parts.findIndex((part, index) => index <= parts.length - 3 && isJsonObjectSegment(part));
    return start < 0 ? run : [...parts.slice(0, start), REDACTED].join('.');
  });
}

function isJsonObjectSegment(segment: string): boolean {
  if (segment.length < 3) return false;
  const text = Buffer.from(segment, 'base64url').toString('utf8').trim();
  if (!text.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
