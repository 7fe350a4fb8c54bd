import type { Database } from '../../platform/db/client.ts';

export interface LedgerVerdict {
  ok: boolean;
  entries: number;
  postings: number;
  /** Σ of every posting; zero in a sound ledger. */
  trialBalance: number;
  /** Entries whose lines do not sum to zero or that have fewer than two lines (first 20). */
  unbalancedEntries: { entryId: number; sum: number; lines: number }[];
  /** Contracts whose balance columns differ from their sub-ledger (first 20). */
  mismatchedContracts: {
    accountNumber: string;
    column: string;
    recorded: number;
    ledger: number;
  }[];
}

const SAMPLE = 20;

/**
 * `marque ledger verify`: every entry balances, the trial balance is zero, and each contract's
 * balance columns (the read model) equal the sums of its postings. Set-based, so it scales
 * with the database rather than with a loop here.
 */
export async function verifyLedger(database: Pick<Database, 'query'>): Promise<LedgerVerdict> {
  const [totals] = await database.query<{ entries: number; postings: number; trial: number }>(
    `select (select count(*)::int from journal_entries) as entries,
            (select count(*)::int from postings) as postings,
            (select coalesce(sum(amount_cents), 0)::bigint from postings) as trial`,
  );
  const unbalanced = await database.query<{ entryId: number; sum: number; lines: number }>(
    `select e.id as "entryId", coalesce(sum(p.amount_cents), 0)::bigint as sum, count(p.id)::int as lines
       from journal_entries e left join postings p on p.entry_id = e.id
      group by e.id
     having coalesce(sum(p.amount_cents), 0) <> 0 or count(p.id) < 2
      order by e.id limit ${SAMPLE}`,
  );
  const mismatched = await database.query<LedgerVerdict['mismatchedContracts'][number]>(
    `with ledger as (
       select contract_id,
              sum(amount_cents) filter (where account = 'principal') as principal,
              sum(amount_cents) filter (where account = 'interest') as interest,
              sum(amount_cents) filter (where account = 'fees') as fees,
              -sum(amount_cents) filter (where account = 'unapplied') as unapplied
         from postings where contract_id is not null group by contract_id
     )
     select c.account_number as "accountNumber", x.col as "column", x.recorded::bigint as recorded, x.ledger::bigint as ledger
       from contracts c
       left join ledger l on l.contract_id = c.id
       cross join lateral (values
         ('balance_cents', c.balance_cents, coalesce(l.principal, 0)),
         ('interest_cents', c.interest_cents, coalesce(l.interest, 0)),
         ('fees_cents', c.fees_cents, coalesce(l.fees, 0)),
         ('unapplied_cents', c.unapplied_cents, coalesce(l.unapplied, 0))
       ) as x(col, recorded, ledger)
      where x.recorded <> x.ledger
      order by c.id limit ${SAMPLE}`,
  );
  const trialBalance = Number(totals?.trial ?? 0);
  return {
    ok: trialBalance === 0 && unbalanced.length === 0 && mismatched.length === 0,
    entries: totals?.entries ?? 0,
    postings: totals?.postings ?? 0,
    trialBalance,
    unbalancedEntries: unbalanced.map((u) => ({ ...u, sum: Number(u.sum) })),
    mismatchedContracts: mismatched.map((m) => ({
      ...m,
      recorded: Number(m.recorded),
      ledger: Number(m.ledger),
    })),
  };
}
