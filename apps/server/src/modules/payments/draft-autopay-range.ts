import type { IsoDate } from '@marque/finance';
import { and, between, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contracts } from '../contracts/index.ts';
import { type DraftPlan, draftNotice, planDrafts } from './autopay-draft-plan.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import { freshConfirmationNumbers } from './confirmation-number.ts';
import { insertPayment } from './insert-payment.ts';
import { postPayment } from './post-payment.ts';
import type { DraftRun } from './run-autopay-drafts.ts';

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * The autopay drafts of the business date for the contracts in [lo, hi], set-based (the close
 * of business step, ADR 0010): one query reads only the enrolments whose draft is due, the
 * drafts are computed in memory (autopay-draft-plan.ts), and a constant number of multi-row
 * statements write the payments, their journal entries, the contracts' read model, the
 * enrolments and the inbox notices, all in the caller's transaction. Same rows as
 * `runAutopayDrafts` (one transaction per enrolment) writes. Idempotent by data: a drafted
 * cycle is recorded in the enrolment's `last_draft_due_date`, so a rerun finds nothing due.
 */
export async function draftAutopayRange(
  tx: Db,
  input: { lo: number; hi: number; businessDate: IsoDate; now: Date },
): Promise<DraftRun> {
  const d = sql`${input.businessDate}::date`;
  // The `nextDraft` rule's draft date, in SQL, so only the due ones come back (not every
  // enrolment): the oldest undrafted due date less the days before; `+ interval '1 month'`
  // clamps to the month's end like addMonths. planDrafts applies the exact rule again.
  const due = await tx
    .select({ enrolment: autopayEnrollments, contract: contracts })
    .from(autopayEnrollments)
    .innerJoin(contracts, eq(contracts.id, autopayEnrollments.contractId))
    .where(
      and(
        between(autopayEnrollments.contractId, input.lo, input.hi),
        sql`(${autopayEnrollments.status} in ('active', 'paused')
             or (${autopayEnrollments.status} = 'stopped' and ${autopayEnrollments.finalDraftDate} is not null))`,
        eq(contracts.status, 'active'),
        sql`${contracts.nextDueDate} is not null`,
        sql`(case when ${autopayEnrollments.lastDraftDueDate} is not null
                   and ${contracts.nextDueDate} <= ${autopayEnrollments.lastDraftDueDate}
                  then (${autopayEnrollments.lastDraftDueDate} + interval '1 month')::date
                  else ${contracts.nextDueDate} end) - ${autopayEnrollments.draftDaysBeforeDue} <= ${d}`,
      ),
    )
    .orderBy(autopayEnrollments.contractId)
    .for('update');
  const numbers = await freshConfirmationNumbers(tx, due.length);
  const plan = planDrafts(due, input.businessDate, () => {
    const next = numbers.pop();
    if (!next) throw new Error('more drafts than confirmation numbers drawn');
    return next;
  });
  await postBackdated(tx, plan, input);
  await writePlan(tx, plan, input);
  return { drafted: plan.payments.length + plan.backdated.length, skipped: plan.skipped };
}

/** The rare draft on a contract accrued past the date: the locking path (it replays accruals). */
async function postBackdated(
  tx: Db,
  plan: DraftPlan,
  input: { businessDate: IsoDate; now: Date },
): Promise<void> {
  for (const { enrolment, contract, draft } of plan.backdated) {
    const payment = await insertPayment(tx, {
      contractId: contract.id,
      customerId: enrolment.customerId,
      method: {
        id: enrolment.paymentMethodId,
        publicId: enrolment.paymentMethodPublicId,
        type: 'bank_account',
        label: enrolment.methodLabel,
      },
      amountCents: draft.amount,
      principalOnly: false,
      channel: 'autopay',
      scheduledFor: input.businessDate,
      createdByUserId: null,
      now: input.now,
    });
    await postPayment(tx, payment, { businessDate: input.businessDate, processorReference: null });
    plan.notices.push(draftNotice(enrolment, draft, payment.confirmationNumber));
  }
}

async function writePlan(tx: Db, plan: DraftPlan, input: { businessDate: IsoDate; now: Date }) {
  const d = sql`${input.businessDate}::date`;
  const now = sql`${input.now.toISOString()}::timestamptz`;
  if (plan.payments.length > 0) {
    const entries = plan.entries.map((e) => ({
      k: e.k,
      contract_id: e.contractId,
      kind: e.kind,
      effective_date: e.effectiveDate,
      booking_date: e.bookingDate,
      accrual_from: e.accrualFrom ?? null,
      description: e.description,
      source: e.source ?? null,
    }));
    const lines = plan.entries.flatMap((e) =>
      e.lines.map((l, n) => ({ k: e.k, n, account: l.account, amount: l.amount })),
    );
    // Entry ids are drawn first (in entry order, as the per-payment path numbers them), so the
    // postings and the payments can point at them within the one statement.
    await tx.execute(sql`
      with ie as materialized (
        select x.*, nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id
          from (select * from jsonb_to_recordset(${json(entries)}) as x(k int, contract_id bigint, kind text,
                  effective_date date, booking_date date, accrual_from date, description text, source text)
                order by k) x
      ), e as (
        insert into journal_entries (id, contract_id, kind, effective_date, booking_date, accrual_from, description, source)
        overriding system value
        select entry_id, contract_id, kind, effective_date, booking_date, accrual_from, description, source
          from ie order by k
        returning 1
      ), l as (
        insert into postings (entry_id, contract_id, account, amount_cents)
        select ie.entry_id, ie.contract_id, y.account, y.amount
          from jsonb_to_recordset(${json(lines)}) as y(k int, n int, account text, amount bigint)
          join ie on ie.k = y.k
         order by y.k, y.n
        returning 1
      ), p as (
        insert into payments (public_id, confirmation_number, contract_id, customer_id, payment_method_id,
          payment_method_public_id, method_type, method_label, amount_cents, principal_only, channel, status,
          scheduled_for, effective_date, entry_id, split_fees_cents, split_interest_cents, split_principal_cents,
          split_unapplied_cents, toward_installments_cents, processor_reference, created_by_user_id, created_at)
        select z."publicId", z."confirmationNumber", z."contractId", z."customerId", z."paymentMethodId",
               z."paymentMethodPublicId", 'bank_account', z."methodLabel", z.amount, false, 'autopay', 'pending',
               ${d}, ${d}, ie.entry_id, z.fees, z.interest, z.principal, z.unapplied, z.toward, null, null, ${now}
          from jsonb_to_recordset(${json(plan.payments)}) as z("entryK" int, "publicId" text,
                 "confirmationNumber" text, "contractId" bigint, "customerId" bigint, "paymentMethodId" bigint,
                 "paymentMethodPublicId" text, "methodLabel" text, amount bigint, fees bigint, interest bigint,
                 principal bigint, unapplied bigint, toward bigint)
          join ie on ie.k = z."entryK"
         order by z."entryK"
        returning 1
      )
      update contracts c set
        balance_cents = c.balance_cents + v.balance,
        interest_cents = c.interest_cents + v.interest,
        fees_cents = c.fees_cents + v.fees,
        unapplied_cents = c.unapplied_cents + v.unapplied,
        interest_accrued_through = coalesce(v."accruedThrough", c.interest_accrued_through),
        paid_toward_installments_cents = v.paid,
        payments_made = v."paymentsMade",
        next_due_date = v."nextDueDate",
        past_due_cents = v."pastDue",
        days_past_due = v."daysPastDue"
        from jsonb_to_recordset(${json(plan.contracts)}) as v(id bigint, balance bigint, interest bigint,
               fees bigint, unapplied bigint, "accruedThrough" date, paid bigint, "paymentsMade" int,
               "nextDueDate" date, "pastDue" bigint, "daysPastDue" int)
       where c.id = v.id`);
  }
  if (plan.enrolments.length > 0) {
    // A paused enrolment resumes after its cycle; a stop's final draft, once gone, is cleared.
    await tx.execute(sql`
      update autopay_enrollments a set
        last_draft_due_date = v."dueDate",
        updated_at = ${now},
        status = case when a.status = 'paused' then 'active' else a.status end,
        skip_due_date = case when a.status = 'paused' then null else a.skip_due_date end,
        final_draft_date = case when a.status = 'stopped' then null else a.final_draft_date end
        from jsonb_to_recordset(${json(plan.enrolments)}) as v(id bigint, "dueDate" date)
       where a.id = v.id`);
  }
  if (plan.notices.length > 0) {
    await tx.execute(sql`
      insert into notifications (public_id, user_id, kind, title, body, created_at)
      select n."publicId", n."userId", 'payment_received', n.title, n.body, ${now}
        from jsonb_to_recordset(${json(plan.notices)}) as n("publicId" text, "userId" bigint, title text, body text)`);
  }
}
