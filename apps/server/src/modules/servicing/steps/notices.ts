import { sql } from 'drizzle-orm';
import { type RangeStep, rowCount } from './step.ts';

/** Days before a payment's due date that customers without autopay get a reminder. */
export const REMINDER_DAYS = 5;

/**
 * Notices of the day, into `cob_notices` (one per contract, kind and reference date, so a rerun
 * or a catch-up never sends one twice) and the in-portal inbox of the customer's portal users:
 * lease maturity at 90, 60 and 30 days (a lease first seen at 45 days gets the 60-day notice
 * only), and a payment-due reminder REMINDER_DAYS before the due date for customers not on
 * autopay. The e-mail copies go out afterwards (`notice_emails`). Titles and bodies are in the
 * customer's language (customers.preferred_language), chosen in the query to stay set-based.
 */
export const noticesStep: RangeStep = {
  name: 'notices',
  async run(tx, ctx) {
    const d = sql`${ctx.businessDate}::date`;
    const result = await tx.execute(sql`
      with candidates as (
        select c.id, c.customer_id, 'lease_maturity_' || t.days as kind, c.maturity_date as ref_date,
               case when cu.preferred_language = 'es'
                 then 'Su arrendamiento termina en ' || (c.maturity_date - ${d}) || ' días'
                 else 'Your lease ends in ' || (c.maturity_date - ${d}) || ' days' end as title,
               case when cu.preferred_language = 'es'
                 then 'Su arrendamiento que termina en ' || right(c.account_number, 4) || ' vence el ' || c.maturity_date ||
                      '. Planifique el final: devolverlo, comprarlo o cambiarlo. Vea Fin del arrendamiento en su cuenta.'
                 else 'Your lease ending ' || right(c.account_number, 4) || ' matures on ' || c.maturity_date ||
                      '. Plan your lease end: return, buy or trade in. See Lease end in your account.' end as body
          from contracts c
          join customers cu on cu.id = c.customer_id
          cross join (values (90, 60), (60, 30), (30, 0)) as t(days, floor_days)
         where c.id between ${ctx.lo} and ${ctx.hi} and c.type = 'lease' and c.status = 'active'
           and c.maturity_date - ${d} <= t.days and c.maturity_date - ${d} > t.floor_days
        union all
        select c.id, c.customer_id, 'payment_due_reminder', c.next_due_date,
               case when cu.preferred_language = 'es'
                 then 'Pago con vencimiento el ' || c.next_due_date
                 else 'Payment due ' || c.next_due_date end,
               case when cu.preferred_language = 'es'
                 then 'Su pago de la cuenta que termina en ' || right(c.account_number, 4) || ' vence el ' || c.next_due_date ||
                      '. Pague en el portal o configure pagos automáticos.'
                 else 'Your payment on the account ending ' || right(c.account_number, 4) || ' is due on ' || c.next_due_date ||
                      '. Pay in the portal, or set up automatic payments.' end
          from contracts c
          join customers cu on cu.id = c.customer_id
         where c.id between ${ctx.lo} and ${ctx.hi} and c.status = 'active'
           and c.next_due_date - ${d} between 1 and ${REMINDER_DAYS}
           and not exists (select 1 from autopay_enrollments a
                            where a.contract_id = c.id and a.status in ('active', 'paused'))
      ), sent as (
        insert into cob_notices (contract_id, kind, ref_date, business_date)
        select id, kind, ref_date, ${d} from candidates
        on conflict do nothing
        returning contract_id, kind, ref_date
      ), inbox as (
        insert into notifications (public_id, user_id, kind, title, body, created_at)
        select 'ntf_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 22), u.id, s.kind, k.title, k.body, now()
          from sent s
          join candidates k on k.id = s.contract_id and k.kind = s.kind and k.ref_date = s.ref_date
          join users u on u.customer_id = k.customer_id and u.role = 'customer' and u.status = 'active'
        returning 1
      )
      select (select count(*) from sent)::int as n`);
    return rowCount(result);
  },
};
