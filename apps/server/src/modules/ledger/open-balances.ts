import type { IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

/**
 * Brings contracts that have no journal yet onto the ledger (conversion from the previous
 * system, and the seeds): one opening entry per contract, Dr principal / Cr opening balance,
 * for the balance its read model already shows. Set-based: one statement for any number.
 * The read-model columns already hold these amounts, so they are not moved again.
 */
export async function openContractLedgers(
  db: Db,
  businessDate: IsoDate,
  /** Only contracts with id >= this (a seed batch), so each batch does not rescan them all. */
  fromContractId = 0,
): Promise<void> {
  await db.execute(sql`with opened as (
       insert into journal_entries (contract_id, kind, effective_date, booking_date, source, description)
       select c.id, 'opening_balance', ${businessDate}::date, ${businessDate}::date, 'conversion', 'Opening balance brought forward'
         from contracts c
        where c.id >= ${fromContractId}
          and (c.balance_cents <> 0 or c.interest_cents <> 0 or c.fees_cents <> 0 or c.unapplied_cents <> 0)
          and not exists (select 1 from journal_entries j where j.contract_id = c.id)
       returning id, contract_id
     ),
     lines as (
       insert into postings (entry_id, contract_id, account, amount_cents)
       select o.id, o.contract_id, x.account, x.amount
         from opened o
         join contracts c on c.id = o.contract_id
         cross join lateral (values
           ('principal', c.balance_cents),
           ('interest', c.interest_cents),
           ('fees', c.fees_cents),
           ('unapplied', -c.unapplied_cents),
           ('gl.opening_balance', -(c.balance_cents + c.interest_cents + c.fees_cents - c.unapplied_cents))
         ) as x(account, amount)
        where x.amount <> 0
       returning 1
     )
     select count(*) from lines`);
}
