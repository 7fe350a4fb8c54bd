import { FinanceInputError } from './errors.ts';

declare const centsBrand: unique symbol;

/**
 * An integer number of US cents. Branded so a float or a dollar amount cannot be passed where
 * money is expected without going through {@link cents} or {@link parseMoney}.
 */
export type Cents = number & { readonly [centsBrand]: true };

/** Zero cents, typed. */
export const ZERO = 0 as Cents;

/** Brands a safe integer as cents; throws `FinanceInputError` (`invalid_money`) otherwise. */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) {
    throw new FinanceInputError('invalid_money', `not a safe integer number of cents: ${n}`);
  }
  // Normalise -0 so formatting and equality never see it.
  return (n === 0 ? 0 : n) as Cents;
}

const MONEY_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a decimal dollar string ("1234", "1234.5", "1234.56", "-0.05") into cents, exactly.
 * More than two decimals, thousands separators, exponents or junk throw `FinanceInputError`
 * (`invalid_money`, no field: the caller knows which field it parsed and may rethrow).
 */
export function parseMoney(s: string): Cents {
  const m = typeof s === 'string' ? MONEY_RE.exec(s.trim()) : null;
  if (m === null) {
    throw new FinanceInputError('invalid_money', `not a dollar amount with at most 2 decimals: ${String(s)}`);
  }
  const whole = m[2] ?? '0';
  const frac = (m[3] ?? '').padEnd(2, '0');
  const n = Number(whole) * 100 + Number(frac);
  if (!Number.isSafeInteger(n)) {
    throw new FinanceInputError('invalid_money', `amount out of range: ${s}`);
  }
  return cents(m[1] === '-' ? -n : n);
}

/** Formats cents as a plain decimal dollar string: 123456 → "1234.56", -5 → "-0.05". */
export function formatMoney(c: Cents): string {
  const neg = c < 0;
  const a = neg ? -c : c;
  const frac = a % 100;
  const whole = (a - frac) / 100;
  return `${neg ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Sum of amounts, checked to stay a safe integer. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

/** a + b, checked. */
export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

/** a - b, checked. */
export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

/** The smaller of two amounts. */
export function minCents(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

/** The larger of two amounts. */
export function maxCents(a: Cents, b: Cents): Cents {
  return a > b ? a : b;
}
