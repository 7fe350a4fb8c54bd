import { addDays, compareDates } from '@marque/finance';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  type AppliedPayment,
  accrueContractTo,
  applyPayment,
  BackdatedPaymentError,
  lockContract,
  postEntry,
  reversePayment,
  verifyLedger,
} from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database, Db } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * A model test of the ledger (W1-4): random sequences of payments (regular and principal-only,
 * some above what is owed), returns of earlier payments, interest accruals, NSF fees and
 * backdated postings, on the seeded contracts. After every sequence `ledger verify` is green,
 * no balance goes negative, backdated payments are replayed (later accruals and payments
 * reversed, the payment applied on its date, later payments re-applied in date order) and
 * those that cannot be replayed (before an opening balance) change nothing. And the key
 * property of the replay: a backdated payment leaves the contract exactly as if it had
 * arrived on time.
 */
let t: TestDatabase;
let database: Database;
let contractIds: number[] = [];
let loanIds: number[] = [];

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date('2026-11-24T15:00:00Z') },
    { seedDemo: true },
  );
  contractIds = (
    await database.query<{ id: number }>("select id from contracts where status = 'active' order by id")
  ).map((r) => r.id);
  loanIds = (
    await database.query<{ id: number }>(
      "select id from contracts where status = 'active' and type = 'loan' and apr is not null order by id",
    )
  ).map((r) => r.id);
});
afterAll(() => t.drop());

type Op =
  | { kind: 'pay'; contract: number; amount: number; principalOnly: boolean }
  | { kind: 'return'; which: number }
  | { kind: 'accrue'; contract: number }
  | { kind: 'fee'; contract: number; amount: number }
  | { kind: 'backdated'; contract: number; daysBack: number }
  | { kind: 'nextDay' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      contract: fc.nat(20),
      amount: fc.integer({ min: 1, max: 400_000 }),
      principalOnly: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('return' as const), which: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('accrue' as const), contract: fc.nat(20) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fee' as const),
      contract: fc.nat(20),
      amount: fc.integer({ min: 1, max: 5_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('backdated' as const),
      contract: fc.nat(20),
      daysBack: fc.integer({ min: 1, max: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nextDay' as const) }) },
);

async function balances() {
  return database.query<{
    id: number;
    balance_cents: number;
    interest_cents: number;
    fees_cents: number;
    unapplied_cents: number;
  }>('select id, balance_cents, interest_cents, fees_cents, unapplied_cents from contracts order by id');
}

type Event =
  | { kind: 'accrue'; gap: number }
  | { kind: 'pay'; gap: number; amount: number; principalOnly: boolean }
  | { kind: 'fee'; gap: number; amount: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('accrue' as const), gap: fc.nat(6) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      gap: fc.nat(6),
      amount: fc.integer({ min: 1, max: 300_000 }),
      principalOnly: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fee' as const),
      gap: fc.nat(6),
      amount: fc.integer({ min: 1, max: 5_000 }),
    }),
  },
);

class Rollback extends Error {
  constructor(readonly captured: unknown) {
    super('rollback');
  }
}

/** Runs `work` in a transaction and rolls it back: each side of the property starts the same. */
async function rolledBack<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    await inTransaction(database.db, async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.captured as T;
    throw error;
  }
  throw new Error('not rolled back');
}

type Dated = { day: string; event: Event; source: string };

async function post(tx: Db, contractId: number, item: Dated, bookingDate: string) {
  const { event: e, day, source } = item;
  if (e.kind === 'accrue') {
    await accrueContractTo(tx, await lockContract(tx, contractId), day, day, source);
  } else if (e.kind === 'fee') {
    await postEntry(tx, {
      contractId,
      kind: 'fee',
      effectiveDate: day,
      bookingDate: day,
      description: 'Model fee',
      source,
      postings: [
        { account: ACCOUNTS.fees, amount: e.amount },
        { account: ACCOUNTS.feeIncome, amount: -e.amount },
      ],
    });
  } else {
    await applyPayment(tx, {
      contractId,
      amount: e.amount,
      effectiveDate: day,
      bookingDate,
      principalOnly: e.principalOnly,
      receivedInto: ACCOUNTS.cashInTransit,
      source,
      description: 'Model payment',
    });
  }
}

/** What must come out the same: the contract's ledger-owned columns and each payment's split. */
async function outcome(tx: Db, contractId: number) {
  const read = async (query: string) =>
    (((await tx.execute(query as never)) as unknown as { rows: unknown[] }).rows ?? []) as unknown[];
  return {
    contract: await read(
      `select balance_cents, interest_cents, fees_cents, unapplied_cents, interest_accrued_through::text as through,
              paid_toward_installments_cents, payments_made, next_due_date::text as next_due
         from contracts where id = ${contractId}`,
    ),
    payments: await read(
      `select e.source, e.effective_date::text as effective,
              (select string_agg(p.account || ' ' || p.amount_cents, ', ' order by p.account) from postings p where p.entry_id = e.id) as lines
         from journal_entries e
        where e.contract_id = ${contractId} and e.kind = 'payment'
          and not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)
        order by e.source`,
    ),
  };
}

describe('the replay property (fast-check): a backdated payment lands as if it had arrived on time', () => {
  it('posting it late equals posting everything in effective-date order on the same contract', async () => {
    let replayed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(20),
        fc.array(event, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(1_000),
        fc.integer({ min: 1, max: 300_000 }),
        fc.boolean(),
        async (which, events, tail, back, amount, principalOnly) => {
          const contractId = loanIds[which % loanIds.length] ?? 0;
          // Close of business has run to 2026-11-24 (the seeds' opening balance date) on both sides.
          const start = '2026-11-24';
          let day = start;
          const dated: Dated[] = events.map((e, i) => {
            day = addDays(day, e.gap + (i === 0 ? 1 : 0));
            return { day, event: e, source: `prop:${i}` };
          });
          const end = addDays(day, tail); // close of business accrues to here before it is posted
          // The late payment: any day after the seeds' accrued-through date (2026-11-15, before
          // their opening balance of the 24th) and before the last close of business.
          const from = '2026-11-15';
          const span = Number((Date.parse(end) - Date.parse(from)) / 86_400_000);
          const late: Dated = {
            day: addDays(from, 1 + (back % (span - 1))),
            event: { kind: 'pay', gap: 0, amount, principalOnly },
            source: 'prop:late',
          };
          const cob: Dated = { day: end, event: { kind: 'accrue', gap: 0 }, source: 'prop:cob' };
          const open: Dated = { day: start, event: { kind: 'accrue', gap: 0 }, source: 'prop:open' };

          // As it happened: everything on its day, then the late payment posted on the last day.
          const asPosted = await rolledBack(async (tx) => {
            for (const item of [open, ...dated, cob]) await post(tx, contractId, item, item.day);
            await post(tx, contractId, late, end);
            return outcome(tx, contractId);
          });
          // As if on time: the same, in effective-date order (the late payment after whatever
          // was already posted on its day).
          const onTime = await rolledBack(async (tx) => {
            const all = [open, ...dated];
            const before = all.filter((d) => compareDates(d.day, late.day) <= 0);
            const after = all.filter((d) => compareDates(d.day, late.day) > 0);
            for (const item of [...before, late, ...after, cob]) await post(tx, contractId, item, item.day);
            return outcome(tx, contractId);
          });
          expect(asPosted).toEqual(onTime);
          if (dated.some((d) => d.event.kind === 'pay' && compareDates(d.day, late.day) > 0)) replayed++;
        },
      ),
      { numRuns: 40, seed: 20261124 },
    );
    // Most runs re-apply later payments, not only accruals.
    expect(replayed).toBeGreaterThan(10);
  }, 300_000);
});

type Posted = { contractId: number; applied: AppliedPayment; effectiveDate: string };

/**
 * A replay re-applies later payments as new entries (`replaces_entry_id`): what the model
 * remembers of them follows, as the payments row does in the app, so a return reverses the
 * live entry with its new split.
 */
async function followReplays(posted: Posted[]) {
  for (const payment of posted) {
    for (;;) {
      const [next] = await database.query<{
        id: number;
        principal_only: boolean;
        interest: number;
        principal: number;
      }>(
        `select e.id::int, e.principal_only,
                -coalesce(sum(p.amount_cents) filter (where p.account = 'interest'), 0)::int as interest,
                -coalesce(sum(p.amount_cents) filter (where p.account = 'principal'), 0)::int as principal
           from journal_entries e join postings p on p.entry_id = e.id
          where e.replaces_entry_id = $1 group by e.id`,
        [payment.applied.entryId],
      );
      if (!next) break;
      payment.applied = {
        entryId: next.id,
        split: { ...payment.applied.split, interest: next.interest, principal: next.principal },
        towardInstallments: next.principal_only ? 0 : next.interest + next.principal,
      };
    }
  }
}

describe('ledger model (fast-check): any sequence keeps the books balanced', () => {
  it('payments, returns, accruals, fees and backdated postings keep ledger verify green', async () => {
    let day = '2026-11-24';
    let seq = 0;
    let replayed = 0;
    let refused = 0;
    let replayedOverLater = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (ops) => {
        const posted: Posted[] = [];
        for (const o of ops) {
          const contractId = contractIds[('contract' in o ? o.contract : 0) % contractIds.length] ?? 0;
          const source = `model:${seq++}`;
          if (o.kind === 'nextDay') {
            day = addDays(day, 1 + (seq % 5));
          } else if (o.kind === 'pay') {
            const applied = await inTransaction(database.db, (tx) =>
              applyPayment(tx, {
                contractId,
                amount: o.amount,
                effectiveDate: day,
                bookingDate: day,
                principalOnly: o.principalOnly,
                receivedInto: ACCOUNTS.cashInTransit,
                source,
                description: 'Model payment',
              }),
            );
            const split = applied.split;
            expect(split.fees + split.interest + split.principal + split.unapplied).toBe(o.amount);
            posted.push({ contractId, applied, effectiveDate: day });
          } else if (o.kind === 'return' && posted.length > 0) {
            const [payment] = posted.splice(o.which % posted.length, 1);
            if (!payment) continue;
            await inTransaction(database.db, (tx) =>
              reversePayment(tx, {
                contractId: payment.contractId,
                paymentEntryId: payment.applied.entryId,
                principal: payment.applied.split.principal,
                towardInstallments: payment.applied.towardInstallments,
                effectiveDate: payment.effectiveDate,
                bookingDate: day,
                source,
                description: 'Model return',
              }),
            );
          } else if (o.kind === 'accrue') {
            await inTransaction(database.db, async (tx) =>
              accrueContractTo(tx, await lockContract(tx, contractId), day, day, source),
            );
          } else if (o.kind === 'fee') {
            await inTransaction(database.db, (tx) =>
              postEntry(tx, {
                contractId,
                kind: 'fee',
                effectiveDate: day,
                bookingDate: day,
                description: 'Model fee',
                source,
                postings: [
                  { account: ACCOUNTS.fees, amount: o.amount },
                  { account: ACCOUNTS.feeIncome, amount: -o.amount },
                ],
              }),
            );
          } else if (o.kind === 'backdated') {
            // Ops post a payment received days ago, after close of business accrued to today.
            await inTransaction(database.db, async (tx) =>
              accrueContractTo(tx, await lockContract(tx, contractId), day, day, `${source}:cob`),
            );
            const before = await balances();
            const [row] = await database.query<{ through: string | null }>(
              'select interest_accrued_through::text as through from contracts where id = $1',
              [contractId],
            );
            const when = addDays(day, -o.daysBack);
            const [later] = await database.query<{ n: number }>(
              `select count(*)::int as n from journal_entries e
                where e.contract_id = $1 and e.kind = 'payment' and e.effective_date > $2::date
                  and not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)`,
              [contractId, when],
            );
            const attempt = inTransaction(database.db, (tx) =>
              applyPayment(tx, {
                contractId,
                amount: 1000,
                effectiveDate: when,
                bookingDate: day,
                principalOnly: false,
                receivedInto: ACCOUNTS.cash,
                source,
                description: 'Backdated',
              }),
            );
            // Replayed (later accruals and payments reversed, payments re-applied in date
            // order, interest re-accrued) or, where a replay would not be exact (dated before
            // the seeds' opening balance of 2026-11-24 or their first journaled accrual),
            // refused with nothing written.
            const outcome = await attempt.then(
              (applied) => ({ applied }),
              (error: unknown) => ({ error }),
            );
            if ('applied' in outcome) {
              if (row?.through && when < row.through) replayed++;
              if (Number(later?.n) > 0) replayedOverLater++;
              await followReplays(posted);
              posted.push({ contractId, applied: outcome.applied, effectiveDate: when });
            } else {
              expect(outcome.error).toBeInstanceOf(BackdatedPaymentError);
              // Only a date before the contract came onto the ledger cannot be replayed.
              expect(when < '2026-11-24', String(outcome.error)).toBe(true);
              expect(await balances()).toEqual(before);
              refused++;
            }
          }
        }
        const verdict = await verifyLedger(database);
        expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, trialBalance: 0 });
        for (const b of await balances()) {
          expect(b.balance_cents).toBeGreaterThanOrEqual(0);
          expect(b.interest_cents).toBeGreaterThanOrEqual(0);
          expect(b.fees_cents).toBeGreaterThanOrEqual(0);
          expect(b.unapplied_cents).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 15, seed: 20261124 },
    );
    // The runs exercise both: replays that posted (re-applying later payments too) and
    // refusals that changed nothing.
    expect(replayed).toBeGreaterThan(0);
    expect(replayedOverLater).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 300_000);
});
