import { InvalidPageError } from '../errors/template-errors';

/**
 * Opaque to clients: base64url of {"t": templateId}. Listing is ordered by
 * templateId, so "after this id" is a stable position even while templates
 * are created or deleted between pages.
 */
export function encodeCursor(templateId: string): string {
  return Buffer.from(JSON.stringify({ t: templateId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, pointer = '/after'): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const templateId = (decoded as { t?: unknown } | null)?.t;
    if (typeof templateId === 'string' && templateId !== '') return templateId;
  } catch {
    // fall through to the error below
  }
  throw new InvalidPageError([{ pointer, message: 'is not a cursor returned by this API' }]);
}
