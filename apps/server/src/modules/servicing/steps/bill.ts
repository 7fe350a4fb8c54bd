import { sql } from 'drizzle-orm';
import { type RangeStep, rowCount } from './step.ts';

/**
 * Bills installments coming due: recomputes the paid-to-date due status (@marque/finance
 * `dueStatus`, here in closed-form SQL) as of the day after the close, so an installment due
 * on the closed date is past due from the next morning. Only rows whose status changes are
 * written; rerunning changes nothing.
 *
 * Only contracts whose status the new day can change are read: those with an installment due
 * by the closed date (next_due_date before the next date), those already behind, and those with
 * no next due date. Every write of what was paid also writes the status as of its business date
 * (ledger/contract-state.ts `installmentColumns`, the autopay drafts), so a contract that is
 * current with its next installment still ahead stays as it is until that date: the other 96 %
 * of a book on an ordinary day, whose date arithmetic was most of this step.
 */
export const billStep: RangeStep = {
  name: 'bill_installments',
  async run(tx, ctx) {
    const result = await tx.execute(sql`
      with s as (
        select c.id, c.term_months as term, c.payment_cents as payment, c.paid_toward_installments_cents as paid,
               c.first_payment_date as first,
               least(c.term_months, floor(c.paid_toward_installments_cents::numeric / c.payment_cents))::int as made,
               cob_installments_before(c.first_payment_date, c.term_months, ${ctx.nextDate}::date) as due_n
          from contracts c
         where c.id between ${ctx.lo} and ${ctx.hi} and c.status = 'active'
           and (c.next_due_date is null or c.next_due_date < ${ctx.nextDate}::date
                or c.past_due_cents > 0 or c.days_past_due > 0)
      ), v as (
        select s.id, s.made,
               case when s.made >= s.term then null else (s.first + s.made * interval '1 month')::date end as next_due,
               greatest(0, s.due_n * s.payment - s.paid) as past_due
          from s
      ), w as (
        select v.*, case when v.next_due < ${ctx.nextDate}::date then ${ctx.nextDate}::date - v.next_due else 0 end as dpd
          from v
      )
      update contracts c
         set payments_made = w.made, next_due_date = w.next_due, past_due_cents = w.past_due, days_past_due = w.dpd
        from w
       where c.id = w.id
         and (c.payments_made <> w.made or c.next_due_date is distinct from w.next_due
              or c.past_due_cents <> w.past_due or c.days_past_due <> w.dpd)`);
    return rowCount(result);
  },
};
