import { type Allocation, type AllocationInput, allocatePayment } from './allocation.ts';
import { type IsoDate, toDayNumber } from './dates.ts';
import type { DayCountBasis } from './daycount.ts';
import { FinanceInputError } from './errors.ts';
import { accrueInterest } from './interest.ts';
import { type Cents, cents } from './money.ts';
import { requireAmount } from './validate.ts';

/**
 * The balances of a daily simple-interest contract between postings. Servicing keeps these in
 * the ledger; this type is the pure state the finance functions step forward.
 */
export interface SimpleInterestState {
  readonly principal: Cents;
  /** Interest accrued and unpaid as of `accruedThrough`. */
  readonly accruedInterest: Cents;
  readonly accruedThrough: IsoDate;
  /** Assessed, unpaid fees (late, NSF). */
  readonly fees: Cents;
}

/** Terms the stepping functions need. */
export interface SimpleInterestTerms {
  readonly apr: string;
  /** Default `actual/365`. */
  readonly basis?: DayCountBasis;
  /** Default `standard` (fees, interest, principal). */
  readonly waterfall?: AllocationInput['waterfall'];
}

/** Brings accrued interest up to `date` (interest rounded once for the span). */
export function accrueTo(
  state: SimpleInterestState,
  date: IsoDate,
  terms: SimpleInterestTerms,
): SimpleInterestState {
  if (toDayNumber(date, 'date') < toDayNumber(state.accruedThrough)) {
    throw new FinanceInputError('invalid_input', 'cannot accrue backwards', 'date');
  }
  const { interest } = accrueInterest({
    principal: state.principal,
    apr: terms.apr,
    from: state.accruedThrough,
    to: date,
    basis: terms.basis ?? 'actual/365',
  });
  return { ...state, accruedInterest: cents(state.accruedInterest + interest), accruedThrough: date };
}

/** Assesses a fee (late fee, NSF fee) on the account. */
export function assessFee(state: SimpleInterestState, fee: Cents): SimpleInterestState {
  return { ...state, fees: cents(state.fees + requireAmount(fee, 'fee')) };
}

/** The result of posting a payment. */
export interface Posting {
  readonly state: SimpleInterestState;
  readonly allocation: Allocation;
}

/**
 * Posts a payment on a simple-interest contract: accrue to the payment date, then apply the
 * payment to fees, interest and principal by the waterfall. Anything above the balance is
 * left unapplied (refund); it never drives principal negative.
 */
export function postPayment(
  state: SimpleInterestState,
  payment: { date: IsoDate; amount: Cents },
  terms: SimpleInterestTerms,
): Posting {
  const s = accrueTo(state, payment.date, terms);
  const allocation = allocatePayment({
    amount: payment.amount,
    due: { pastDueFees: s.fees, interest: s.accruedInterest, principal: s.principal },
    ...(terms.waterfall === undefined ? {} : { waterfall: terms.waterfall }),
  });
  const a = allocation.applied;
  return {
    state: {
      principal: cents(s.principal - a.principal),
      accruedInterest: cents(s.accruedInterest - a.interest),
      accruedThrough: s.accruedThrough,
      fees: cents(s.fees - a.pastDueFees),
    },
    allocation,
  };
}
