import { InvalidArgumentError } from 'commander';

/** A whole number ≥ 1 (commander reports the refusal as a usage error naming the option). */
export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}
