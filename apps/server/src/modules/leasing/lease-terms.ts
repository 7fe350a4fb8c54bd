import { type Cents, cents } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ConflictError } from '../../platform/errors.ts';
import { type ContractRow, requireOwnedContract } from '../contracts/index.ts';
import { leaseEndTerms } from './tables.ts';

/** The program standard, for a lease whose contract predates lease_end_terms. */
export const STANDARD_DISPOSITION_FEE = cents(39_500);
export const STANDARD_PURCHASE_OPTION_FEE = cents(30_000);

/** Demo financing for the "how to finance it" estimate: a rate a lessee could see, not an offer. */
export const DEMO_BUYOUT_APR = '6.49';
export const DEMO_BUYOUT_TERM_MONTHS = 48;
/** How long an extension may run, month by month. */
export const MAX_EXTENSION_MONTHS = 6;

export interface LeaseContract {
  contract: ContractRow & {
    grossCapCostCents: number;
    residualCents: number;
    moneyFactor: string;
    mileageAllowancePerYear: number;
  };
  vehicle: { year: number; make: string; model: string; trim: string; vin: string; odometer: number };
  dispositionFee: Cents;
  purchaseOptionFee: Cents;
  deliveryOdometer: number;
}

/**
 * The signed-in customer's own lease: someone else's account is 404 (as if it did not exist);
 * their own loan is 409 `not_a_lease`, so the portal can say the lease centre is for leases.
 */
export async function requireOwnedLease(
  db: Db,
  customerId: number | null,
  accountId: string,
): Promise<LeaseContract> {
  return leaseOf(db, await requireOwnedContract(db, customerId, accountId));
}

/** A contract row as a lease with its lease-end terms, or 409 `not_a_lease`. */
export async function leaseOf(
  db: Db,
  { contract, vehicle }: { contract: ContractRow; vehicle: LeaseContract['vehicle'] },
): Promise<LeaseContract> {
  const { grossCapCostCents, residualCents, moneyFactor, mileageAllowancePerYear } = contract;
  if (
    contract.type !== 'lease' ||
    grossCapCostCents === null ||
    residualCents === null ||
    moneyFactor === null ||
    mileageAllowancePerYear === null
  ) {
    throw new ConflictError('not_a_lease', 'This account is a loan; the lease centre is for leases.');
  }
  const [terms] = await db
    .select()
    .from(leaseEndTerms)
    .where(eq(leaseEndTerms.contractId, contract.id))
    .limit(1);
  return {
    contract: { ...contract, grossCapCostCents, residualCents, moneyFactor, mileageAllowancePerYear },
    vehicle,
    dispositionFee: cents(terms?.dispositionFeeCents ?? STANDARD_DISPOSITION_FEE),
    purchaseOptionFee: cents(terms?.purchaseOptionFeeCents ?? STANDARD_PURCHASE_OPTION_FEE),
    deliveryOdometer: terms?.deliveryOdometer ?? 0,
  };
}

export const usd = (amount: number) => ({ amount, currency: 'USD' as const });
