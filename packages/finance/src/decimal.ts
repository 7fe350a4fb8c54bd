import { FinanceInputError } from './errors.ts';
import { divRoundBig, type RoundingMode } from './rounding.ts';

/**
 * An exact non-negative decimal `units / 10^scale`, used for rates (APR percent, money factor,
 * tax rate). Rates stay exact until a solver needs a float, per the money conventions.
 */
export interface Decimal {
  readonly units: number;
  readonly scale: number;
}

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;
const MAX_SCALE = 12;

/** 10^n as a number; exact for the scales used here (n ≤ 15). */
export function pow10(n: number): number {
  return 10 ** n;
}

/**
 * Parses a plain non-negative decimal string ("5.99", "0.00400", "7") exactly.
 * Throws `FinanceInputError('invalid_input', …, field)` for junk, signs or > 12 decimals.
 */
export function parseDecimal(s: string, field: string): Decimal {
  const m = typeof s === 'string' ? DECIMAL_RE.exec(s.trim()) : null;
  if (m === null) {
    throw new FinanceInputError('invalid_input', `${field} must be a non-negative decimal string`, field);
  }
  const frac = m[2] ?? '';
  if (frac.length > MAX_SCALE) {
    throw new FinanceInputError('invalid_input', `${field} has more than ${MAX_SCALE} decimals`, field);
  }
  const units = Number(`${m[1] ?? '0'}${frac}`);
  if (!Number.isSafeInteger(units)) {
    throw new FinanceInputError('invalid_input', `${field} is out of range`, field);
  }
  return { units, scale: frac.length };
}

/** The decimal as a float (only for solvers and comparisons, never for money). */
export function decimalToNumber(d: Decimal): number {
  return d.units / pow10(d.scale);
}

/** Formats exactly, with at least `minScale` decimals: {units: 96, scale: 1} → "9.60". */
export function formatDecimal(d: Decimal, minScale = 0): string {
  let digits = String(d.units);
  if (digits.length <= d.scale) digits = digits.padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  let frac = digits.slice(digits.length - d.scale);
  // Drop trailing zeros beyond minScale so "9.600000" prints as "9.60".
  while (frac.length > minScale && frac.endsWith('0')) frac = frac.slice(0, -1);
  frac = frac.padEnd(minScale, '0');
  return frac.length > 0 ? `${whole}.${frac}` : whole;
}

/** Multiplies two decimals exactly (scale adds up). */
export function mulDecimal(a: Decimal, b: Decimal): Decimal {
  const units = a.units * b.units;
  if (!Number.isSafeInteger(units)) throw new FinanceInputError('invalid_input', 'rate out of range');
  return { units, scale: a.scale + b.scale };
}

/** Rounds a decimal to `scale` places with a named mode. */
export function roundDecimal(d: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (d.scale <= scale) return d;
  const units = divRoundBig(BigInt(d.units), BigInt(pow10(d.scale - scale)), mode);
  return { units: Number(units), scale };
}

/** Formats a float rate with exactly `places` decimals, half-up (for solver outputs). */
export function formatFloat(x: number, places: number): string {
  const f = pow10(places);
  // Nudge by a relative epsilon so 9.685 computed as 9.68499999 still rounds up.
  const units = Math.floor(Math.abs(x) * f * (1 + 1e-12) + 0.5);
  return `${x < 0 && units > 0 ? '-' : ''}${formatDecimal({ units, scale: places }, places)}`;
}
