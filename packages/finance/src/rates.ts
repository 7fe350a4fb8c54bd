import { type Decimal, formatDecimal, mulDecimal, parseDecimal, pow10, roundDecimal } from './decimal.ts';
import { divRoundBig } from './rounding.ts';

/**
 * Money factor ↔ lease rate equivalent. The industry convention is MF × 2400 = the annual
 * rate in percent. The result is a *lease rate equivalent, not an APR*: Regulation M leases
 * have no APR, so outputs meant for customers must not label it "APR".
 */
export function aprEquivalentFromMoneyFactor(moneyFactor: string, field = 'moneyFactor'): string {
  const mf = parseDecimal(moneyFactor, field);
  return formatDecimal(mulDecimal(mf, { units: 2400, scale: 0 }), 2);
}

/** The money factor for a lease rate equivalent (percent / 2400), half-up to `places` decimals. */
export function moneyFactorFromAprEquivalent(
  aprEquivalent: string,
  places = 6,
  field = 'aprEquivalent',
): string {
  const r: Decimal = parseDecimal(aprEquivalent, field);
  // units/10^scale / 2400 at `places` decimals = units·10^places / (2400·10^scale).
  const units = divRoundBig(
    BigInt(r.units) * BigInt(pow10(places)),
    2400n * BigInt(pow10(r.scale)),
    'half-up',
  );
  return formatDecimal({ units: Number(units), scale: places }, places);
}

/** Rounds a percent string to `places` decimals, half-up ("9.685" → "9.69"). */
export function roundPercent(p: string, places: number, field = 'rate'): string {
  return formatDecimal(roundDecimal(parseDecimal(p, field), places, 'half-up'), places);
}
