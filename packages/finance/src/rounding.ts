/**
 * Integer division with a named rounding mode. Every place that turns an exact quotient into
 * cents goes through here, so the mode is visible at the call site.
 *
 * - `half-up`: ties away from zero (commercial rounding; disclosures and per diem).
 * - `half-even`: ties to the even neighbour (banker's rounding).
 * - `down`: toward zero (truncation).
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down';

// Products below this stay exact in a double, so the fast path needs no BigInt.
const EXACT_LIMIT = 2 ** 52;
const HALF_UP_LIMIT = 2 ** 51;

/** round(n / d) for bigints; d must be non-zero. */
export function divRoundBig(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  const r = a - q * d;
  if (mode !== 'down') {
    const twice = 2n * r;
    if (twice > d || (twice === d && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  }
  return neg ? -q : q;
}

/** round(n / d) for safe integers (d > 0); exact, no floating-point error. */
export function divRound(n: number, d: number, mode: RoundingMode): number {
  if (Math.abs(n) >= EXACT_LIMIT || d >= EXACT_LIMIT) {
    return Number(divRoundBig(BigInt(n), BigInt(d), mode));
  }
  const neg = n < 0;
  const a = neg ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  // The float quotient can land one off near an integer; the remainder tells us which way.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (mode !== 'down') {
    const twice = 2 * r;
    if (twice > d || (twice === d && (mode === 'half-up' || q % 2 === 1))) q += 1;
  }
  // Avoid -0: it would print as "0" but compare oddly with Object.is.
  if (q === 0) return 0;
  return neg ? -q : q;
}

/** round(a * b / d) for safe integers a, b and d > 0, exact (falls back to BigInt on overflow). */
export function mulDivRound(a: number, b: number, d: number, mode: RoundingMode): number {
  const p = a * b;
  // Hot path (every schedule row): for integers x < 2^53, Math.floor(x / y) is exact, so
  // half-up of a non-negative quotient is floor((2p + d) / 2d) while that stays below 2^53.
  if (mode === 'half-up' && p >= 0 && p < HALF_UP_LIMIT && d < HALF_UP_LIMIT) {
    return Math.floor((2 * p + d) / (2 * d));
  }
  if (Math.abs(p) < EXACT_LIMIT && d < EXACT_LIMIT) return divRound(p, d, mode);
  return Number(divRoundBig(BigInt(a) * BigInt(b), BigInt(d), mode));
}
