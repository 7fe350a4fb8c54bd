import { describe, expect, it } from 'vitest';
import { accountNumberFrom, isValidAccountNumber, maskAccountNumber, newId } from './ids.ts';

describe('ids', () => {
  it('makes opaque prefixed IDs from 128 random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('ctr')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^ctr_[0-9A-Za-z]{22}$/);
  });

  it('gives account numbers a Luhn check digit that catches a mistyped digit', () => {
    const number = accountNumberFrom(4_100_000_000);
    expect(number).toHaveLength(11);
    expect(isValidAccountNumber(number)).toBe(true);
    const typo = `${number.slice(0, 3)}${(Number(number[3]) + 1) % 10}${number.slice(4)}`;
    expect(isValidAccountNumber(typo)).toBe(false);
    expect(accountNumberFrom(7992739871)).toBe('79927398713'); // the textbook Luhn example
  });

  it('masks account numbers to the last four digits', () => {
    expect(maskAccountNumber('41000000004')).toBe('••••0004');
  });
});
