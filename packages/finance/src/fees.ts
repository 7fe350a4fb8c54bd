import { addDays, type IsoDate, toDayNumber } from './dates.ts';
import { parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/**
 * A late fee rule as state law and contracts write them: a flat amount, a percent of the
 * installment, or both combined (greater or lesser of), clamped to a minimum and maximum,
 * assessable only after the grace days.
 */
export interface LateFeeRule {
  readonly flat?: Cents;
  /** Percent of the past-due installment ("5" = 5 %), half-up to the cent. */
  readonly percent?: string;
  /** With both flat and percent: charge the `greater` (default) or `lesser`. */
  readonly combine?: 'greater' | 'lesser';
  readonly min?: Cents;
  readonly max?: Cents;
  /** Days after the due date during which no fee applies (10 = fee from day 11). */
  readonly graceDays: number;
}

/** Input of {@link lateFee}. */
export interface LateFeeInput {
  readonly rule: LateFeeRule;
  /** The scheduled installment (or the unpaid part of it, if the rule says so). */
  readonly installment: Cents;
  readonly dueDate: IsoDate;
  /** The date being evaluated (business date, or the date the payment arrived). */
  readonly asOf: IsoDate;
}

/** A late fee decision. */
export interface LateFeeResult {
  readonly fee: Cents;
  /** False while within grace: then `fee` is 0. */
  readonly assessable: boolean;
  /** First day the fee may be assessed. */
  readonly assessableFrom: IsoDate;
}

/** The late fee amount a rule yields for an installment, ignoring dates. */
export function lateFeeAmount(rule: LateFeeRule, installment: Cents): Cents {
  const inst = requireAmount(installment, 'installment');
  const flat = rule.flat === undefined ? null : requireAmount(rule.flat, 'rule.flat');
  let pct: number | null = null;
  if (rule.percent !== undefined) {
    const p = parseDecimal(rule.percent, 'rule.percent');
    pct = mulDivRound(inst, p.units, 100 * pow10(p.scale), 'half-up');
  }
  if (flat === null && pct === null) {
    throw new FinanceInputError('invalid_input', 'a late fee rule needs flat or percent', 'rule');
  }
  let fee: number;
  if (flat !== null && pct !== null)
    fee = rule.combine === 'lesser' ? Math.min(flat, pct) : Math.max(flat, pct);
  else fee = (flat ?? pct) as number;
  if (rule.min !== undefined) fee = Math.max(fee, requireAmount(rule.min, 'rule.min'));
  if (rule.max !== undefined) fee = Math.min(fee, requireAmount(rule.max, 'rule.max'));
  return cents(fee);
}

/** The late fee for an installment as of a date: zero within the grace period. */
export function lateFee(input: LateFeeInput): LateFeeResult {
  const grace = requireInt(input.rule.graceDays, 'rule.graceDays', 0, 365);
  const assessableFrom = addDays(input.dueDate, grace + 1);
  const assessable = toDayNumber(input.asOf, 'asOf') >= toDayNumber(assessableFrom);
  const amount = lateFeeAmount(input.rule, input.installment);
  return { fee: assessable ? amount : cents(0), assessable, assessableFrom };
}

/** Input of {@link nsfFee}. */
export interface NsfFeeInput {
  /** The contract's returned-payment fee. */
  readonly fee: Cents;
  /** A legal cap (state law), if any. */
  readonly max?: Cents;
  /** Some states forbid charging both a late fee and an NSF fee for one installment. */
  readonly lateFeeAlreadyCharged?: boolean;
  readonly allowWithLateFee?: boolean;
}

/** The NSF (returned payment) fee to assess, capped by law. */
export function nsfFee(input: NsfFeeInput): Cents {
  const fee = requireAmount(input.fee, 'fee');
  if (input.lateFeeAlreadyCharged === true && input.allowWithLateFee === false) return cents(0);
  return input.max === undefined ? fee : cents(Math.min(fee, requireAmount(input.max, 'max')));
}
