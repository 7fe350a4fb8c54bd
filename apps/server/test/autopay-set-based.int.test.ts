import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addBusinessDays, addDays, federalReserveCalendar, type IsoDate } from '@marque/finance';
import { and, eq, lte } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settlePayment, verifyLedger } from '../src/modules/ledger/index.ts';
import { createNotificationInbox } from '../src/modules/notifications/index.ts';
import { SETTLEMENT_BUSINESS_DAYS } from '../src/modules/payments/ach-policy.ts';
import { payments, runAutopayDrafts, settleAchPayments } from '../src/modules/payments/index.ts';
import { closeBusinessDay, rangeSteps } from '../src/modules/servicing/index.ts';
import { setBusinessDate } from '../src/platform/clock.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import { type Database, type Db, openDatabase } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { seedSyntheticContracts } from '../src/seed/seed-synthetic.ts';
import { freshDatabase } from './support/database.ts';

/**
 * The set-based autopay drafts (a close-of-business partition step) and ACH settlement (one
 * statement) write what the per-enrolment / per-payment paths wrote: the same portfolio is
 * seeded once and cloned, given paused, stopped, final-draft, extra-amount and suspended enrolments,
 * and closed for four business dates, one database the old way (runAutopayDrafts, a
 * settlement per payment, then the other partition steps) and one through closeBusinessDay.
 * Between dates the day's debits are sent (pending to submitted), so settlements occur.
 */
const START = '2026-11-24';
const DATES = [START, addDays(START, 1), addDays(START, 2), addDays(START, 3)];
const CONTRACTS = 2_000;
const inbox = createNotificationInbox({ now: () => new Date(`${START}T23:00:00Z`) });
const now = (date: IsoDate) => new Date(`${date}T23:00:00Z`);
let oldWay: Twin;
let newWay: Twin;

interface Twin {
  database: Database;
  drop(): Promise<void>;
}

/**
 * One seeded portfolio and an exact copy (contract ids are not stable across two seeds, so it
 * is cloned: a template database on PostgreSQL, a copied data directory on PGlite).
 */
async function twins(): Promise<[Twin, Twin]> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-autopay-'));
    const seeded = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'a') });
    await seed(seeded);
    await seeded.close();
    fs.cpSync(path.join(dir, 'a'), path.join(dir, 'b'), { recursive: true });
    const open = async (name: string) => {
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, name) });
      return { database, drop: () => database.close() };
    };
    const pair: [Twin, Twin] = [await open('a'), await open('b')];
    const drop = pair[1].drop;
    pair[1].drop = async () => {
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return pair;
  }
  const first = await freshDatabase();
  await seed(first.database);
  await first.database.close();
  const copy = `marque_test_${crypto.randomBytes(6).toString('hex')}`;
  const source = new URL(first.url ?? '').pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${copy} template ${source}`);
  await admin.end();
  const open = async (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    return {
      database,
      async drop() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  };
  return [await open(source), await open(copy)];
}

async function seed(database: Database): Promise<void> {
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
    { seedDemo: true },
  );
  await seedSyntheticContracts(database, CONTRACTS, START);
  // Every kind of enrolment among those whose draft comes in the window.
  await database.exec(`
    with due as (
      select a.id, c.next_due_date as due, greatest(c.next_due_date - a.draft_days_before_due, '${START}'::date) as draft,
             row_number() over (order by a.contract_id) as r
        from autopay_enrollments a join contracts c on c.id = a.contract_id
       where c.status = 'active' and c.next_due_date - a.draft_days_before_due <= '${DATES.at(-1)}'::date
    )
    update autopay_enrollments a set
      status = case due.r % 8 when 0 then 'paused' when 1 then 'stopped' when 2 then 'stopped'
                              when 4 then 'suspended' when 6 then 'paused' else a.status end,
      skip_due_date = case due.r % 8 when 0 then due.due when 6 then (due.due + interval '1 month')::date end,
      final_draft_date = case due.r % 8 when 1 then due.draft end,
      amount_rule = case due.r % 8 when 3 then 'fixed_extra' else a.amount_rule end,
      extra_cents = case due.r % 8 when 3 then 2500 else a.extra_cents end,
      last_draft_due_date = case due.r % 8 when 5 then due.due end
      from due where due.id = a.id`);
}

/** The settlement as it was: one transaction per payment (the reference for the set-based one). */
async function settleOneByOne(db: Db, businessDate: IsoDate): Promise<number> {
  const calendar = federalReserveCalendar(2025, 2026);
  let cutoff = businessDate;
  for (let back = 1; addBusinessDays(cutoff, SETTLEMENT_BUSINESS_DAYS, calendar) > businessDate; back++) {
    cutoff = addDays(businessDate, -back);
  }
  const due = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, 'submitted'), lte(payments.effectiveDate, cutoff)));
  for (const { id } of due) {
    await inTransaction(db, async (tx) => {
      const [payment] = await tx
        .update(payments)
        .set({ status: 'settled', settledAt: now(businessDate) })
        .where(and(eq(payments.id, id), eq(payments.status, 'submitted')))
        .returning();
      if (!payment) return;
      await settlePayment(tx, {
        contractId: payment.contractId,
        amount: payment.amountCents,
        bookingDate: businessDate,
        source: `payment:${payment.publicId}`,
      });
    });
  }
  return due.length;
}

/** The ACH file of the day, as far as settlement cares: pending debits become submitted. */
async function send(database: Database, date: IsoDate) {
  await database.query(
    `update payments set status = 'submitted', submitted_at = $1
      where status = 'pending' and method_type = 'bank_account'`,
    [now(date)],
  );
}

const normal = (s: string) =>
  `regexp_replace(regexp_replace(${s}, 'P[0-9]{12}', 'P#', 'g'), 'pay_[0-9A-Za-z]+', 'pay_#', 'g')`;

/** What both paths decide, keyed by what does not depend on random ids. */
async function snapshot(database: Database) {
  const q = (text: string) => database.query(text);
  return {
    payments: await q(`
      select c.account_number, p.amount_cents, p.split_fees_cents, p.split_interest_cents, p.split_principal_cents,
             p.split_unapplied_cents, p.toward_installments_cents, p.status, p.channel, p.method_type, p.method_label,
             p.principal_only, p.scheduled_for::text, p.effective_date::text, p.processor_reference,
             p.created_by_user_id, p.created_at, p.settled_at, p.entry_id is not null as has_entry,
             (select j.kind || ' ' || j.contract_id || ' ' || (j.source = 'payment:' || p.public_id)
                from journal_entries j where j.id = p.entry_id) as entry
        from payments p join contracts c on c.id = p.contract_id
       order by 1, 2, 3, 8`),
    entries: await q(`
      select c.account_number, j.kind, j.effective_date::text, j.booking_date::text, j.accrual_from::text,
             ${normal('j.description')} as description, ${normal('j.source')} as source,
             (j.source not like 'payment:%' or exists (select 1 from payments p
               where 'payment:' || p.public_id = j.source and p.contract_id = j.contract_id)) as source_ok,
             (select string_agg(p.account || ' ' || p.amount_cents, ', ' order by p.account, p.amount_cents)
                from postings p where p.entry_id = j.id and p.contract_id = j.contract_id) as lines
        from journal_entries j join contracts c on c.id = j.contract_id
       order by 1, 2, 3, 4, 6, 8`),
    contracts: await q(`
      select account_number, status, balance_cents, interest_cents, fees_cents, unapplied_cents,
             interest_accrued_through::text, paid_toward_installments_cents, payments_made, next_due_date::text,
             past_due_cents, days_past_due
        from contracts order by account_number`),
    enrolments: await q(`
      select c.account_number, a.status, a.skip_due_date::text, a.last_draft_due_date::text,
             a.final_draft_date::text, a.amount_rule, a.extra_cents
        from autopay_enrollments a join contracts c on c.id = a.contract_id order by 1`),
    notices: await q(`
      select u.email, n.kind, n.title, ${normal('n.body')} as body
        from notifications n join users u on u.id = n.user_id
       where n.kind = 'payment_received' order by 1, 3, 4`),
  };
}

const tally = { settledOld: 0, settledNew: 0 };
let paused: { id: number; skip: string }[] = [];

beforeAll(async () => {
  [oldWay, newWay] = await twins();
  paused = await newWay.database.query(
    `select id, skip_due_date::text as skip from autopay_enrollments
      where status = 'paused' and skip_due_date is not null order by id`,
  );
  const steps = rangeSteps({ database: oldWay.database, inbox }).filter((s) => s.name !== 'autopay_drafts');
  for (const date of DATES) {
    // The old way: drafts one enrolment at a time, settlements one payment at a time, then the
    // other partition steps over every contract at once.
    await runAutopayDrafts(oldWay.database.db, { inbox }, { businessDate: date, now: now(date) });
    tally.settledOld += await settleOneByOne(oldWay.database.db, date);
    for (const step of steps) {
      await inTransaction(oldWay.database.db, (tx) =>
        step.run(tx, { runId: 0, lo: 0, hi: 1e12, businessDate: date, nextDate: addDays(date, 1) }),
      );
    }
    await setBusinessDate(oldWay.database.db, addDays(date, 1));
    await send(oldWay.database, date);

    const before = await newWay.database.query<{ n: number }>(
      `select count(*)::int as n from payments where status = 'settled'`,
    );
    const result = await closeBusinessDay(
      { database: newWay.database, inbox, now: () => now(date), partitionSize: 400 },
      { businessDate: date, trigger: 'test', userId: null },
    );
    expect(result.status).toBe('completed');
    const after = await newWay.database.query<{ n: number }>(
      `select count(*)::int as n from payments where status = 'settled'`,
    );
    tally.settledNew += (after[0]?.n ?? 0) - (before[0]?.n ?? 0);
    await send(newWay.database, date);
  }
}, 600_000);

afterAll(async () => {
  await oldWay?.drop();
  await newWay?.drop();
});

describe('set-based autopay drafts and ACH settlement', () => {
  it('write the same payments, journal, contracts, enrolments and notices as the per-row paths', async () => {
    const [a, b] = [await snapshot(oldWay.database), await snapshot(newWay.database)];
    expect(b.payments).toEqual(a.payments);
    expect(b.entries).toEqual(a.entries);
    expect(b.contracts).toEqual(a.contracts);
    expect(b.enrolments).toEqual(a.enrolments);
    expect(b.notices).toEqual(a.notices);
  });

  it('cover drafts, every enrolment state and settlements, and both ledgers verify', async () => {
    const counts = await newWay.database.query<Record<string, number>>(`
      select (select count(*) from payments where channel = 'autopay')::int as drafted,
             (select count(*) from payments where channel = 'autopay' and status = 'settled')::int as settled,
             (select count(*) from payments p join autopay_enrollments a on a.contract_id = p.contract_id
               where a.amount_rule = 'fixed_extra')::int as extra,
             (select count(*) from autopay_enrollments a where a.status = 'stopped' and a.last_draft_due_date is not null
               and exists (select 1 from payments p where p.contract_id = a.contract_id))::int as final_drafts,
             (select count(*) from autopay_enrollments a where a.status = 'stopped' and a.final_draft_date is null
               and a.last_draft_due_date is null)::int as stopped_without_draft,
             (select count(*) from autopay_enrollments a where a.status = 'suspended'
               and exists (select 1 from payments p where p.contract_id = a.contract_id))::int as suspended_drafted,
             (select count(*) from journal_entries where kind = 'settlement')::int as settlement_entries`);
    const c = counts[0] ?? {};
    expect(c.drafted).toBeGreaterThan(10);
    expect(c.settled).toBeGreaterThan(0);
    expect(c.settlement_entries).toBe(c.settled);
    expect(tally.settledNew).toBe(tally.settledOld);
    expect(tally.settledNew).toBe(c.settled);
    expect(c.extra).toBeGreaterThan(0);
    expect(c.final_drafts).toBeGreaterThan(0);
    // The paused cycles passed (skipped) and their enrolments resumed.
    expect(paused.length).toBeGreaterThan(0);
    const after = await newWay.database.query<{
      id: number;
      status: string;
      skip: string | null;
      last: string;
    }>(
      `select id, status, skip_due_date::text as skip, last_draft_due_date::text as last
         from autopay_enrollments where id = any($1::bigint[]) order by id`,
      [paused.map((p) => p.id)],
    );
    expect(after.map((a) => a.status)).toEqual(paused.map(() => 'active'));
    for (const a of after) expect(a.skip).toBeNull();
    // Paused for the cycle drafted next: skipped (last drafted due date reaches the skipped one);
    // paused for a later cycle: this cycle's draft still went.
    const skipped = after.filter((a, i) => a.last !== null && a.last >= (paused[i]?.skip ?? ''));
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.length).toBeLessThan(after.length);
    expect(c.stopped_without_draft).toBeGreaterThan(0);
    expect(c.suspended_drafted).toBe(0);
    expect((await verifyLedger(oldWay.database)).ok).toBe(true);
    expect((await verifyLedger(newWay.database)).ok).toBe(true);
  });

  it('a rerun of a closed date drafts and settles nothing more', async () => {
    const count = `select (select count(*) from payments)::int as p, (select count(*) from journal_entries)::int as j`;
    const before = await newWay.database.query(count);
    const db = newWay.database.db;
    await inTransaction(db, async (tx) => {
      const [step] = rangeSteps({ database: newWay.database, inbox });
      await step?.run(tx, {
        runId: 0,
        lo: 0,
        hi: 1e12,
        businessDate: DATES.at(-1) ?? START,
        nextDate: START,
      });
    });
    expect(await settleAchPayments(db, { businessDate: DATES.at(-1) ?? START, now: new Date() })).toBe(0);
    expect(await newWay.database.query(count)).toEqual(before);
  });
});
