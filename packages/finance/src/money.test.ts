import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinanceInputError } from './errors.ts';
import { addCents, cents, formatMoney, parseMoney, sumCents } from './money.ts';

describe('cents', () => {
  it('brands safe integers and rejects everything else', () => {
    expect(cents(123)).toBe(123);
    expect(Object.is(cents(-0), 0)).toBe(true);
    expect(() => cents(1.5)).toThrow(FinanceInputError);
    expect(() => cents(Number.NaN)).toThrow(FinanceInputError);
    expect(() => cents(2 ** 53)).toThrow(FinanceInputError);
  });

  it('checks sums for overflow', () => {
    expect(sumCents([cents(1), cents(2), cents(3)])).toBe(6);
    expect(() => addCents(cents(Number.MAX_SAFE_INTEGER), cents(1))).toThrow(FinanceInputError);
  });
});

describe('parseMoney / formatMoney', () => {
  it.each([
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0.05', 5],
    ['-0.05', -5],
    [' 12.00 ', 1200],
    ['-0', 0],
  ])('parses %s', (s, expected) => {
    expect(parseMoney(s)).toBe(expected);
  });

  it.each(['1234.567', '1,234.56', '1e3', '', 'abc', '.5', '1.', '+1.00', '--1', '12.3.4', 'NaN'])(
    'rejects %j without a field',
    (s) => {
      try {
        parseMoney(s);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(FinanceInputError);
        expect((e as FinanceInputError).field).toBeUndefined();
        expect((e as FinanceInputError).code).toBe('invalid_money');
      }
    },
  );

  it('rejects amounts beyond safe integers', () => {
    expect(() => parseMoney('90071992547409.92')).toThrow(FinanceInputError);
  });

  it('formats with two decimals and a sign', () => {
    expect(formatMoney(cents(123456))).toBe('1234.56');
    expect(formatMoney(cents(-5))).toBe('-0.05');
    expect(formatMoney(cents(0))).toBe('0.00');
    expect(formatMoney(cents(100))).toBe('1.00');
    expect(formatMoney(cents(-123400))).toBe('-1234.00');
  });

  it('round-trips every safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const c = cents(n);
        expect(parseMoney(formatMoney(c))).toBe(c);
      }),
    );
  });
});
