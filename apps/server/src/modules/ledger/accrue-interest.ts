import { accrueInterest, cents, compareDates, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';
import type { LedgerContract } from './contract-state.ts';
import { applyReadModel, insertEntry, type NewEntry, NO_DELTA, type ReadModelDelta } from './post-entry.ts';

/**
 * Books daily simple interest on a loan from where it was accrued through to `date`
 * (Dr interest receivable, Cr interest income), rounded once for the span. Leases carry no
 * interest (their rent charge is inside the payment). Updates `contract` in memory and returns
 * the delta and the new accrued-through date for the caller's single contract UPDATE.
 */
export async function bookAccrual(
  tx: Db,
  contract: LedgerContract,
  date: IsoDate,
  bookingDate: IsoDate,
  source?: string,
): Promise<{ entryId: number | null; interest: number; delta: ReadModelDelta }> {
  const none = { entryId: null, interest: 0, delta: NO_DELTA };
  const accrual = accrualEntry(contract, date, bookingDate, source);
  if (!accrual) return none;
  const { entry, interest } = accrual;
  const written = await insertEntry(tx, entry);
  contract.interestAccruedThrough = date;
  contract.interestCents += interest;
  return { entryId: written?.id ?? null, interest, delta: written?.delta ?? NO_DELTA };
}

/**
 * The accrual entry that brings a loan's interest from where it was accrued through to `date`,
 * or null (a lease, no APR, or nothing to accrue). Pure: bookAccrual writes it.
 */
export function accrualEntry(
  contract: LedgerContract,
  date: IsoDate,
  bookingDate: IsoDate,
  source?: string,
): { entry: NewEntry; interest: number } | null {
  if (contract.type !== 'loan' || contract.apr === null) return null;
  const from = contract.interestAccruedThrough ?? contract.contractDate;
  if (compareDates(date, from) <= 0) return null;
  const { interest } = accrueInterest({
    principal: cents(contract.balanceCents),
    apr: contract.apr,
    from,
    to: date,
  });
  const entry: NewEntry = {
    contractId: contract.id,
    kind: 'accrual',
    effectiveDate: date,
    bookingDate,
    accrualFrom: from,
    description: `Interest ${from} to ${date}`,
    ...(source === undefined ? {} : { source }),
    postings: [
      { account: ACCOUNTS.interest, amount: interest },
      { account: ACCOUNTS.interestIncome, amount: -interest },
    ],
  };
  return { entry, interest };
}

/** Accrues a contract to `date` on its own (close of business, quotes that book interest). */
export async function accrueContractTo(
  tx: Db,
  contract: LedgerContract,
  date: IsoDate,
  bookingDate: IsoDate,
  source?: string,
): Promise<{ entryId: number | null; interest: number }> {
  const booked = await bookAccrual(tx, contract, date, bookingDate, source);
  if (contract.interestAccruedThrough === date) {
    await applyReadModel(tx, contract.id, booked.delta, { interestAccruedThrough: date });
  }
  return { entryId: booked.entryId, interest: booked.interest };
}
