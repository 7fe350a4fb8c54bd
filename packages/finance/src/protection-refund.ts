import { compareDates, type IsoDate, toDayNumber } from './dates.ts';
import { parseDecimal, pow10 } from './decimal.ts';
import { check } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/**
 * How a product's contract terms measure the unused part of the coverage on cancellation:
 * by time, by miles, or whichever of the two gives the customer the greater (or lesser) refund.
 */
export type RefundBasis = 'time' | 'mileage' | 'greater_of' | 'lesser_of';

/** The cancellation terms printed in a protection product's contract. */
export interface ProtectionRefundTerms {
  readonly basis: RefundBasis;
  /** The administrator's cancellation fee (flat). */
  readonly cancellationFee: Cents;
  /** The fee may not exceed this percent of the pro-rata refund ("10" = 10 %), half-up. */
  readonly feeCapPercent?: string;
  /** Cancelling within this many days of purchase refunds the full price with no fee (free look). */
  readonly freeLookDays?: number;
}

/** Input of {@link protectionRefund}. */
export interface ProtectionRefundInput {
  readonly price: Cents;
  readonly terms: ProtectionRefundTerms;
  /** Coverage starts (the purchase date): day 0. */
  readonly startDate: IsoDate;
  /** Coverage ends (exclusive of nothing: the last covered day). */
  readonly endDate: IsoDate;
  /** The date the cancellation takes effect (the business date). */
  readonly cancelDate: IsoDate;
  /** Odometer at purchase, and the odometer at which coverage ends (absolute, not a distance). */
  readonly startMiles?: number;
  readonly endMiles?: number;
  /** The odometer at cancellation. */
  readonly currentMiles?: number;
}

/** An exact share of the coverage still unused: numerator / denominator. */
export interface UnusedShare {
  readonly unused: number;
  readonly total: number;
}

/** The refund quote, every figure shown to the customer before they confirm. */
export interface ProtectionRefund {
  readonly freeLook: boolean;
  /** Unused days over the coverage days. */
  readonly byTime: UnusedShare;
  /** Unused miles over the coverage miles; null when the product has no mileage limit. */
  readonly byMileage: UnusedShare | null;
  /** Which measure the terms chose for this cancellation. */
  readonly basisUsed: 'time' | 'mileage' | 'free_look';
  /** price × chosen share, half-up to the cent. */
  readonly proRataRefund: Cents;
  /** The fee actually charged: min(fee, cap, pro-rata refund); zero in the free look. */
  readonly cancellationFee: Cents;
  /** proRataRefund − cancellationFee, never negative. */
  readonly refund: Cents;
}

function share(unused: number, total: number): UnusedShare {
  return { unused: Math.min(Math.max(unused, 0), total), total };
}

/** a > b for two exact shares, by cross-multiplication (no floating point). */
function greater(a: UnusedShare, b: UnusedShare): boolean {
  return BigInt(a.unused) * BigInt(b.total) > BigInt(b.unused) * BigInt(a.total);
}

/**
 * The pro-rata refund of a cancelled service contract, GAP waiver or other protection product:
 * price × unused share (by time, by miles, or the greater/lesser of the two as the product's
 * terms say), less a cancellation fee that the terms may cap at a percent of the refund. Within
 * the free-look period the full price comes back and no fee applies.
 */
export function protectionRefund(input: ProtectionRefundInput): ProtectionRefund {
  const price = requireAmount(input.price, 'price');
  const fee = requireAmount(input.terms.cancellationFee, 'terms.cancellationFee');
  const start = toDayNumber(input.startDate, 'startDate');
  const end = toDayNumber(input.endDate, 'endDate');
  const at = toDayNumber(input.cancelDate, 'cancelDate');
  check(end > start, 'endDate', 'coverage must end after it starts');
  check(at >= start, 'cancelDate', 'a product cannot be cancelled before it was bought');
  const byTime = share(end - at, end - start);

  let byMileage: UnusedShare | null = null;
  if (input.endMiles !== undefined) {
    const startMiles = requireInt(input.startMiles ?? -1, 'startMiles', 0, 10_000_000);
    const endMiles = requireInt(input.endMiles, 'endMiles', startMiles + 1, 10_000_000);
    const current = requireInt(input.currentMiles ?? -1, 'currentMiles', startMiles, 10_000_000);
    byMileage = share(endMiles - current, endMiles - startMiles);
  }
  const basis = input.terms.basis;
  check(
    basis === 'time' || byMileage !== null,
    'terms.basis',
    `a ${basis} refund needs the coverage's mileage limit`,
  );

  const freeLookDays = requireInt(input.terms.freeLookDays ?? 0, 'terms.freeLookDays', 0, 365);
  if (freeLookDays > 0 && at - start < freeLookDays) {
    return {
      freeLook: true,
      byTime,
      byMileage,
      basisUsed: 'free_look',
      proRataRefund: price,
      cancellationFee: cents(0),
      refund: price,
    };
  }

  let basisUsed: 'time' | 'mileage' = 'time';
  if (byMileage) {
    if (basis === 'mileage') basisUsed = 'mileage';
    else if (basis === 'greater_of' && greater(byMileage, byTime)) basisUsed = 'mileage';
    else if (basis === 'lesser_of' && greater(byTime, byMileage)) basisUsed = 'mileage';
  }
  const chosen = basisUsed === 'mileage' && byMileage ? byMileage : byTime;
  const proRata = mulDivRound(price, chosen.unused, chosen.total, 'half-up');

  let charged = Math.min(fee, proRata);
  if (input.terms.feeCapPercent !== undefined) {
    const pct = parseDecimal(input.terms.feeCapPercent, 'terms.feeCapPercent');
    charged = Math.min(charged, mulDivRound(proRata, pct.units, 100 * pow10(pct.scale), 'half-up'));
  }
  return {
    freeLook: false,
    byTime,
    byMileage,
    basisUsed,
    proRataRefund: cents(proRata),
    cancellationFee: cents(charged),
    refund: cents(proRata - charged),
  };
}

/** True when the coverage has run out by date or by miles (nothing left to refund or claim). */
export function coverageExpired(
  endDate: IsoDate,
  endMiles: number | null,
  asOf: IsoDate,
  currentMiles: number,
): boolean {
  return compareDates(asOf, endDate) > 0 || (endMiles !== null && currentMiles >= endMiles);
}
