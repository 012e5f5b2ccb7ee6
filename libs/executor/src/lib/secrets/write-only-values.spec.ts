import { REDACTED, Redactor } from './redactor';
import { writeOnlyValues } from './write-only-values';

describe('writeOnlyValues', () => {
  it('collects the text of every value at or below a writeOnly path', () => {
    const input = { cardNumber: '4111111111111111', amount: 10, card: { cvv: 1234, holder: ['Ada Lovelace'] }, items: [{ pin: '9999' }, { pin: '8888' }] };
    expect(writeOnlyValues(input, [['cardNumber'], ['card'], ['items', null, 'pin'], ['missing']]).sort()).toEqual(
      ['1234', '4111111111111111', '8888', '9999', 'Ada Lovelace'].sort(),
    );
  });

  it('skips values too short to blank safely', () => {
    expect(writeOnlyValues({ cvv: '123', ok: true }, [['cvv'], ['ok']])).toEqual([]);
  });
});

describe('Redactor.with', () => {
  it('blanks the extra values and the known secrets, leaving the original redactor as it was', () => {
    const base = new Redactor();
    base.remember('hunter2-secret');
    const job = base.with(['4111111111111111']);
    expect(job.text('card 4111111111111111, pw hunter2-secret')).toBe(`card ${REDACTED}, pw ${REDACTED}`);
    expect(base.text('card 4111111111111111')).toBe('card 4111111111111111');
    expect(base.with([])).toBe(base);
  });
});
