import { generateApiKey, hashSecret, parseApiKey } from './api-key-format';

describe('API key format', () => {
  it('a generated key is bsk_, a 12-character base32 id and a 43-character base64url secret, and parses back', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^bsk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ id: key.slice(4, 16), secret: key.slice(17) });
    expect(Buffer.from(key.slice(17), 'base64url')).toHaveLength(32);
  });

  it('generated keys differ in id and secret', () => {
    const keys = Array.from({ length: 50 }, () => parseApiKey(generateApiKey()));
    expect(new Set(keys.map((key) => key?.id)).size).toBe(50);
    expect(new Set(keys.map((key) => key?.secret)).size).toBe(50);
  });

  it('a secret holding _ and - still parses, because the lengths are fixed', () => {
    const secret = `_-${'a'.repeat(40)}_`;
    expect(parseApiKey(`bsk_abcdefgh2345_${secret}`)).toEqual({ id: 'abcdefgh2345', secret });
  });

  it.each([
    ['no prefix', 'abcdefgh2345_' + 'a'.repeat(43)],
    ['an upper-case id', 'bsk_ABCDEFGH2345_' + 'a'.repeat(43)],
    ['a short secret', 'bsk_abcdefgh2345_' + 'a'.repeat(42)],
    ['trailing text', 'bsk_abcdefgh2345_' + 'a'.repeat(43) + ' '],
    ['a digit outside base32 in the id', 'bsk_abcdefgh2341_' + 'a'.repeat(43)],
  ])('%s does not parse', (_, key) => {
    expect(parseApiKey(key)).toBeUndefined();
  });

  it('the stored hash is the hex SHA-256 of the secret', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
