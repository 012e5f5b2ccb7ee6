import { InvalidPageError } from '../errors/template-errors';
import { decodeCursor, encodeCursor } from './template-cursor';

describe('template cursors', () => {
  it('round-trips a templateId', () => {
    expect(decodeCursor(encodeCursor('payment_gateway_template'))).toBe('payment_gateway_template');
  });

  it('refuses a cursor it did not hand out with a pagination error, not an invalid template', () => {
    for (const cursor of ['not-a-cursor', '', Buffer.from('{"t":""}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      const error = (() => {
        try {
          decodeCursor(cursor);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(InvalidPageError);
      expect(error).toMatchObject({ code: 'TEMPLATE.INVALID_PAGE', problems: [{ pointer: '/after', message: 'is not a cursor returned by this API' }] });
    }
  });
});
