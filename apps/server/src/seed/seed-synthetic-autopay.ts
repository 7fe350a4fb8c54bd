import type { IsoDate } from '@marque/finance';
import { authorizationFor } from '../modules/payments/index.ts';
import { DEMO_BRAND } from '../platform/brand.ts';
import type { Database } from '../platform/db/client.ts';

/** Synthetic contracts whose id ends in one of these digits are on autopay: 30 %. */
export const SYNTHETIC_AUTOPAY_DIGITS = [1, 4, 7] as const;

const randomId = (prefix: string) =>
  `'${prefix}_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 22)`;

/**
 * Autopay for ~30 % of the synthetic active contracts from `fromContractId` on, so the close of
 * business has drafts (and ACH) at scale: each enrolled customer gets a portal user without a
 * password (nobody can sign in as it; the drafts' inbox notices need a user), a checking
 * account and an enrolment for the amount due, drafted 0 to 5 days before the due date. The
 * account number is the demo seed's first bank account's ciphertext, reused (the data is
 * synthetic, and encrypting per row would cost a key derivation each). Set-based: three
 * statements per batch. Without a demo bank account to copy, nothing is enrolled.
 */
export async function enrolSyntheticAutopay(
  database: Database,
  fromContractId: number,
  businessDate: IsoDate,
): Promise<number> {
  const auth = authorizationFor(DEMO_BRAND.name);
  const stamp = `${businessDate}T12:00:00Z`;
  const [src] = await database.query<{ id: number }>(
    `select id from payment_methods where kind = 'bank_account' and account_number_enc is not null order by id limit 1`,
  );
  if (!src) return 0;
  // Three statements joined through indexed columns (users.email, payment_methods.customer_id):
  // one statement chaining the inserts' CTEs makes the planner nest loops over them (seconds).
  await database.query(
    `insert into users (public_id, email, role, display_name, customer_id, status, created_at)
     select ${randomId('usr')}, 'synthetic.' || k.customer_id || '@example.invalid', 'customer',
            cu.first_name || ' ' || cu.last_name, k.customer_id, 'active', $3::timestamptz
       from contracts k join customers cu on cu.id = k.customer_id
      where k.id >= $1 and k.status = 'active' and k.id % 10 = any($2::int[])`,
    [fromContractId, SYNTHETIC_AUTOPAY_DIGITS, stamp],
  );
  await database.query(
    `insert into payment_methods (public_id, customer_id, kind, nickname, last4, holder_name, routing_number,
       account_number_enc, account_number_bidx, account_type, bank_name, created_at)
     select ${randomId('pm')}, k.customer_id, 'bank_account', 'Checking', s.last4,
            cu.first_name || ' ' || cu.last_name, s.routing_number, s.account_number_enc, s.account_number_bidx,
            'checking', 'Synthetic Bank', $3::timestamptz
       from contracts k join customers cu on cu.id = k.customer_id
       cross join (select * from payment_methods where id = $4) s
      where k.id >= $1 and k.status = 'active' and k.id % 10 = any($2::int[])`,
    [fromContractId, SYNTHETIC_AUTOPAY_DIGITS, stamp, src.id],
  );
  // Fresh statistics, or the planner takes the new rows for a handful and loops over them.
  await database.exec('analyze users, payment_methods');
  const [row] = await database.query<{ n: number }>(
    `with e as (
       insert into autopay_enrollments (contract_id, customer_id, user_id, payment_method_id, payment_method_public_id,
         method_label, amount_rule, extra_cents, draft_days_before_due, status, authorization_version,
         authorization_text, accepted_at, accepted_ip, created_at, updated_at)
       select k.id, k.customer_id, u.id, m.id, m.public_id,
              'Synthetic Bank checking account ending in ' || m.last4, 'amount_due', 0, k.id % 6, 'active',
              $4, $5, $3::timestamptz, '192.0.2.1', $3::timestamptz, $3::timestamptz
         from contracts k
         join users u on u.email = 'synthetic.' || k.customer_id || '@example.invalid'
         join payment_methods m on m.customer_id = k.customer_id and m.kind = 'bank_account' and m.removed_at is null
        where k.id >= $1 and k.status = 'active' and k.id % 10 = any($2::int[])
       returning 1
     )
     select count(*)::int as n from e`,
    [fromContractId, SYNTHETIC_AUTOPAY_DIGITS, stamp, auth.version, auth.text.en],
  );
  return row?.n ?? 0;
}
