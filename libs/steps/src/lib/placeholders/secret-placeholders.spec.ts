import { fillPlaceholders, placeholderNames, placeholderProblems } from './secret-placeholders';

describe('secret placeholders', () => {
  it('finds valid names once each, in order', () => {
    expect(placeholderNames('Bearer ${API_KEY} ${_X1} ${API_KEY} ${lower} $NOPE')).toEqual(['API_KEY', '_X1']);
  });

  it('reports placeholders whose name is not a secret name', () => {
    expect(placeholderProblems('a ${api_key} b ${} ${OK}', '/h')).toEqual([
      { pointer: '/h', message: '${api_key} is not a valid secret placeholder: the name must match ^[A-Z_][A-Z0-9_]*$' },
      { pointer: '/h', message: '${} is not a valid secret placeholder: the name must match ^[A-Z_][A-Z0-9_]*$' },
    ]);
  });

  it('fills placeholders at run time', () => {
    expect(fillPlaceholders('Bearer ${API_KEY}', (name) => `<${name}>`)).toBe('Bearer <API_KEY>');
  });
});
