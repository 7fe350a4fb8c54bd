import type { IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS, type AccountCode } from './accounts.ts';
import { bookAccrual } from './accrue-interest.ts';
import { lockContract } from './contract-state.ts';
import { addDeltas, applyReadModel, insertEntry } from './post-entry.ts';

export interface PrincipalCredit {
  contractId: number;
  /** Cents to take off the principal (positive). */
  amount: number;
  /** The lender account debited: who now owes the lender the money (or paid it). */
  debit: AccountCode;
  effectiveDate: IsoDate;
  bookingDate: IsoDate;
  description: string;
  source: string;
}

/**
 * An `adjustment` that reduces a contract's principal (Dr `debit`, Cr principal), e.g. a
 * cancelled financed product's refund. Interest is first accrued to the effective date on the
 * old principal, so the reduction only changes interest from then on. Never more than the
 * principal outstanding: the caller decides where any excess goes and passes the capped amount.
 * Returns the adjustment's entry id and the principal before it.
 */
export async function creditPrincipal(
  tx: Db,
  credit: PrincipalCredit,
): Promise<{ entryId: number | null; principalBefore: number }> {
  const contract = await lockContract(tx, credit.contractId);
  const principalBefore = contract.balanceCents;
  if (!Number.isSafeInteger(credit.amount) || credit.amount < 0 || credit.amount > principalBefore) {
    throw new Error(`principal credit of ${credit.amount} on a balance of ${principalBefore}`);
  }
  const accrued = await bookAccrual(tx, contract, credit.effectiveDate, credit.bookingDate, credit.source);
  const written = await insertEntry(tx, {
    contractId: contract.id,
    kind: 'adjustment',
    effectiveDate: credit.effectiveDate,
    bookingDate: credit.bookingDate,
    description: credit.description,
    source: credit.source,
    postings: [
      { account: credit.debit, amount: credit.amount },
      { account: ACCOUNTS.principal, amount: -credit.amount },
    ],
  });
  const delta = written ? addDeltas(accrued.delta, written.delta) : accrued.delta;
  await applyReadModel(
    tx,
    contract.id,
    delta,
    accrued.entryId === null ? {} : { interestAccruedThrough: credit.effectiveDate },
  );
  return { entryId: written?.id ?? null, principalBefore };
}
