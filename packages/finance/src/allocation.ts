import { FinanceInputError } from './errors.ts';
import type { Cents } from './money.ts';
import { requireAmount } from './validate.ts';

/** What a payment can pay, in the vocabulary of the servicing ledger. */
export type AllocationBucket =
  | 'pastDueFees'
  | 'pastDueInterest'
  | 'pastDuePrincipal'
  | 'interest'
  | 'principal'
  | 'currentFees';

const BUCKETS: readonly AllocationBucket[] = [
  'pastDueFees',
  'pastDueInterest',
  'pastDuePrincipal',
  'interest',
  'principal',
  'currentFees',
];

/**
 * Named waterfalls, modelled on Apache Fineract's transaction processing strategies. Every
 * order must list each bucket once.
 */
export const WATERFALLS = {
  /** Marque default: past-due fees, past-due interest and principal, interest, principal, current fees. */
  standard: BUCKETS,
  /** Fineract "Overdue/Due Fee/Int,Principal": everything overdue first, then what is due. */
  overdueFirst: [
    'pastDueFees',
    'pastDueInterest',
    'pastDuePrincipal',
    'currentFees',
    'interest',
    'principal',
  ],
  /** Fineract "Penalties, Fees, Interest, Principal order". */
  feesInterestPrincipal: [
    'pastDueFees',
    'currentFees',
    'pastDueInterest',
    'interest',
    'pastDuePrincipal',
    'principal',
  ],
  /** Fineract "Interest, Principal, Penalties, Fees order". */
  interestPrincipalFees: [
    'pastDueInterest',
    'interest',
    'pastDuePrincipal',
    'principal',
    'pastDueFees',
    'currentFees',
  ],
  /** Fineract "Principal, Interest, Penalties, Fees order". */
  principalInterestFees: [
    'pastDuePrincipal',
    'principal',
    'pastDueInterest',
    'interest',
    'pastDueFees',
    'currentFees',
  ],
} as const satisfies Record<string, readonly AllocationBucket[]>;

export type WaterfallName = keyof typeof WATERFALLS;

/** Input of {@link allocatePayment}. */
export interface AllocationInput {
  readonly amount: Cents;
  /** Amounts due now per bucket (missing = 0). */
  readonly due: Partial<Record<AllocationBucket, Cents>>;
  /** A named waterfall or an explicit order of all six buckets. Default `standard`. */
  readonly waterfall?: WaterfallName | readonly AllocationBucket[];
  /**
   * Principal outstanding beyond what is due (not yet billed). Money left after every bucket
   * pays this down (a prepayment) up to its amount; the rest is unapplied (an overpayment).
   */
  readonly unbilledPrincipal?: Cents;
}

/** Where each cent of a payment went. Conserves: Σ applied + prepaidPrincipal + unapplied = amount. */
export interface Allocation {
  readonly applied: Record<AllocationBucket, Cents>;
  /** Excess applied to unbilled principal. */
  readonly prepaidPrincipal: Cents;
  /** Excess nothing could absorb (refund or suspense). */
  readonly unapplied: Cents;
  /** What is still due per bucket after the payment. */
  readonly remaining: Record<AllocationBucket, Cents>;
}

function resolveOrder(w: AllocationInput['waterfall']): readonly AllocationBucket[] {
  const order = w === undefined ? WATERFALLS.standard : typeof w === 'string' ? WATERFALLS[w] : w;
  if (order === undefined || order.length !== BUCKETS.length || new Set(order).size !== BUCKETS.length) {
    throw new FinanceInputError('invalid_input', 'waterfall must list each bucket exactly once', 'waterfall');
  }
  for (const b of order) {
    if (!BUCKETS.includes(b))
      throw new FinanceInputError('invalid_input', `unknown bucket ${b}`, 'waterfall');
  }
  return order;
}

/** Applies a payment down a waterfall, bucket by bucket, then to unbilled principal. */
export function allocatePayment(input: AllocationInput): Allocation {
  let left: number = requireAmount(input.amount, 'amount');
  const order = resolveOrder(input.waterfall);
  const applied = {} as Record<AllocationBucket, Cents>;
  const remaining = {} as Record<AllocationBucket, Cents>;
  for (const b of BUCKETS) {
    remaining[b] = requireAmount(input.due[b] ?? 0, `due.${b}`);
    applied[b] = 0 as Cents;
  }
  for (const b of order) {
    const take = Math.min(left, remaining[b]);
    applied[b] = take as Cents;
    remaining[b] = (remaining[b] - take) as Cents;
    left -= take;
  }
  const prepaid = Math.min(left, requireAmount(input.unbilledPrincipal ?? 0, 'unbilledPrincipal'));
  return { applied, prepaidPrincipal: prepaid as Cents, unapplied: (left - prepaid) as Cents, remaining };
}
