import { addDays } from '@marque/finance';
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
import type { Database } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * A model test of the ledger (W1-4): random sequences of payments (regular and principal-only,
 * some above what is owed), returns of earlier payments, interest accruals, NSF fees and
 * backdated postings, on the seeded contracts. After every sequence `ledger verify` is green,
 * no balance goes negative, backdated payments replay interest (reverse, apply, re-accrue) and
 * those that cannot be replayed change nothing.
 */
let t: TestDatabase;
let database: Database;
let contractIds: number[] = [];

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

describe('ledger model (fast-check): any sequence keeps the books balanced', () => {
  it('payments, returns, accruals, fees and backdated postings keep ledger verify green', async () => {
    let day = '2026-11-24';
    let seq = 0;
    let replayed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (ops) => {
        const posted: { contractId: number; applied: AppliedPayment; effectiveDate: string }[] = [];
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
            // Replayed (accruals after it reversed, re-accrued) or, where a replay is not
            // built (a later payment, an opening balance), refused with nothing written.
            const outcome = await attempt.then(
              (applied) => ({ applied }),
              (error: unknown) => ({ error }),
            );
            if ('applied' in outcome) {
              if (row?.through && when < row.through) replayed++;
              posted.push({ contractId, applied: outcome.applied, effectiveDate: when });
            } else {
              expect(outcome.error).toBeInstanceOf(BackdatedPaymentError);
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
    // The runs exercise both: replays that posted and refusals that changed nothing.
    expect(replayed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 300_000);
});
