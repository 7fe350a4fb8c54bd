import type { Money } from '@marque/contracts';

export type ParsedDollars = { ok: true; cents: number } | { ok: false; reason: 'empty' | 'invalid' };

/**
 * Dollars as a person types them ("1,234.5", "$80", "80.00") into integer cents, by string
 * handling only (no floating point): at most two decimals, thousands commas allowed.
 */
export function parseDollars(text: string): ParsedDollars {
  const cleaned = text.trim().replace(/^\$/, '').replaceAll(',', '').trim();
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const match = /^(\d{0,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, reason: 'invalid' };
  const whole = Number(match[1] || '0');
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return { ok: true, cents: whole * 100 + fraction };
}

/** Cents as the plain number a money input shows ("1234.50"): no currency sign, no separators. */
export function centsToInput(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

export const usd = (amount: number): Money => ({ amount, currency: 'USD' });
