import { accrueInterest, cents, compareDates, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS } from './accounts.ts';
import { type LedgerContract, setAccruedThrough } from './contract-state.ts';
import { postEntry } from './post-entry.ts';

/**
 * Books daily simple interest on a loan from where it was accrued through to `date`
 * (Dr interest receivable, Cr interest income), rounded once for the span. Leases carry no
 * interest (their rent charge is inside the payment). Returns the entry id, if any.
 */
export async function accrueContractTo(
  tx: Db,
  contract: LedgerContract,
  date: IsoDate,
  bookingDate: IsoDate,
  source?: string,
): Promise<{ entryId: number | null; interest: number }> {
  if (contract.type !== 'loan' || contract.apr === null) return { entryId: null, interest: 0 };
  const from = contract.interestAccruedThrough ?? contract.contractDate;
  if (compareDates(date, from) <= 0) return { entryId: null, interest: 0 };
  const { interest } = accrueInterest({
    principal: cents(contract.balanceCents),
    apr: contract.apr,
    from,
    to: date,
  });
  const entryId = await postEntry(tx, {
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
  });
  await setAccruedThrough(tx, contract.id, date);
  contract.interestAccruedThrough = date;
  contract.interestCents += interest;
  return { entryId, interest };
}
