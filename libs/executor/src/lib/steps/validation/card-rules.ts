/**
 * The seed's payment rules. Each returns undefined when the value passes, or
 * the problem. A problem never repeats the value: card data stays out of
 * errors, logs and Redis.
 */

/** 12–19 digits (spaces and dashes ignored) passing the Luhn checksum. */
export function cardNumberProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return 'must be a card number (a string of digits)';
  const digits = String(value).replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return 'must be 12 to 19 digits (spaces and dashes allowed)';
  return luhnValid(digits) ? undefined : 'fails the Luhn checksum';
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** MM/YY or MM/YYYY, valid through the last day of that month (UTC). */
export function expiryDateProblem(value: unknown, now: Date = new Date()): string | undefined {
  const match = typeof value === 'string' ? /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value) : null;
  if (!match) return 'must be an expiry date MM/YY or MM/YYYY';
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return 'must have a month between 01 and 12';
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return year * 12 + (month - 1) < current ? 'is in the past (the card has expired)' : undefined;
}

/** 3 or 4 digits. */
export function cvvProblem(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  return typeof text === 'string' && /^\d{3,4}$/.test(text) ? undefined : 'must be 3 or 4 digits';
}
