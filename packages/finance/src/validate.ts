import { FinanceInputError } from './errors.ts';
import type { Cents } from './money.ts';

// Runtime guards for values that TypeScript cannot check (they arrive from JSON and the DB).

/** A safe-integer amount of cents, ≥ 0 (or > 0 when `positive`). */
export function requireAmount(value: number, field: string, positive = false): Cents {
  if (!Number.isSafeInteger(value) || value < 0 || (positive && value === 0)) {
    const what = positive ? 'a positive' : 'a non-negative';
    throw new FinanceInputError('invalid_input', `${field} must be ${what} whole number of cents`, field);
  }
  return value as Cents;
}

/** An integer within [min, max]. */
export function requireInt(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FinanceInputError('invalid_input', `${field} must be an integer from ${min} to ${max}`, field);
  }
  return value;
}
