import { assertNever, CodedError, errorMessage } from './coded-error';

type DemoCode = 'DEMO.ONE' | 'DEMO.TWO';

class DemoError extends CodedError<DemoCode> {
  readonly code = 'DEMO.ONE';
}

describe('CodedError', () => {
  it('carries its code and names itself after its class', () => {
    const error = new DemoError('something broke');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('DEMO.ONE');
    expect(error.name).toBe('DemoError');
    expect(error.message).toBe('something broke');
  });

  it('lets an exhaustive switch end in assertNever, which throws for a value no case handled', () => {
    const status = (code: DemoCode): number => {
      switch (code) {
        case 'DEMO.ONE':
          return 400;
        case 'DEMO.TWO':
          return 404;
        default:
          return assertNever(code, 'error code');
      }
    };
    expect(status('DEMO.TWO')).toBe(404);
    expect(() => status('DEMO.THREE' as DemoCode)).toThrow('unhandled error code: "DEMO.THREE"');
  });
});

describe('errorMessage', () => {
  it('reads the message of errors, strings and other thrown values', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage({ code: 7 })).toBe('{"code":7}');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('does not throw on values JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(errorMessage(cyclic)).toBe('[object Object]');
    expect(errorMessage(10n)).toBe('10');
  });
});
