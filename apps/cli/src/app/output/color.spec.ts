import { colorEnabled, palette } from './color';

describe('colours', () => {
  it('are on only for a terminal, and never with NO_COLOR or TERM=dumb', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('leave text untouched when off and colour states by outcome when on', () => {
    expect(palette(false).state('FAILED')).toBe('FAILED');
    expect(palette(true).state('FAILED')).toBe('\u001b[31mFAILED\u001b[0m');
    expect(palette(true).state('COMPLETED')).toBe('\u001b[32mCOMPLETED\u001b[0m');
    expect(palette(true).state('PENDING')).toBe('PENDING');
  });
});
