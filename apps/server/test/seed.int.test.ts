import { amortizationSchedule, parseMoney } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import { DEMO_CUSTOMERS } from '../src/seed/demo-data.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { seedSyntheticContracts } from '../src/seed/seed-synthetic.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

let t: TestDatabase;
const cipher = createFieldCipher(testFieldKeys());
beforeAll(async () => {
  t = await freshDatabase();
  await prepareDatabase(
    { database: t.database, cipher, now: new Date('2026-11-24T12:00:00Z') },
    { seedDemo: true },
  );
});
afterAll(async () => t?.drop());

describe('demo data', () => {
  it('has a loan customer, a lease customer, one with both, an unregistered one, and staff', async () => {
    const rows = await t.database.query<{ email: string; types: string; registered: boolean }>(
      `select c.email, string_agg(k.type, ',' order by k.type) as types, bool_or(u.id is not null) as registered
         from customers c join contracts k on k.customer_id = c.id left join users u on u.customer_id = c.id
        group by c.email order by c.email`,
    );
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail['maya.thompson@example.com']).toMatchObject({ types: 'loan', registered: true });
    expect(byEmail['daniel.reyes@example.com']).toMatchObject({ types: 'lease', registered: true });
    expect(byEmail['priya.shah@example.com']).toMatchObject({ types: 'lease,loan', registered: true });
    expect(byEmail['jordan.ellis@example.com']).toMatchObject({ types: 'loan', registered: false });
    expect(byEmail['elena.park@example.com']).toMatchObject({ types: 'loan', registered: true });
    const roles = await t.database.query<{ role: string }>('select distinct role from users order by role');
    expect(roles.map((r) => r.role)).toEqual(
      [
        'admin',
        'agent',
        'analyst',
        'customer',
        'dealer_admin',
        'dealer_user',
        'supervisor',
        'underwriter',
      ].sort(),
    );
  });

  it("has balances that match the finance engine's schedule after the payments made", async () => {
    const [row] = await t.database.query<{
      balance_cents: number;
      payments_made: number;
      contract_date: string;
      first_payment_date: string;
      payment_cents: number;
    }>(
      `select k.* from contracts k join customers c on c.id = k.customer_id where c.email = 'maya.thompson@example.com'`,
    );
    const demo = DEMO_CUSTOMERS.find((c) => c.key === 'loan')?.contracts[0];
    if (!row || demo?.type !== 'loan') throw new Error('demo loan missing');
    const schedule = amortizationSchedule({
      amountFinanced: parseMoney(demo.amountFinanced),
      apr: demo.apr,
      termMonths: demo.termMonths,
      contractDate: row.contract_date,
      firstPaymentDate: row.first_payment_date,
    });
    expect(row.payments_made).toBe(14);
    expect(row.payment_cents).toBe(schedule.payment);
    expect(row.balance_cents).toBe(schedule.rows[13]?.balance);
  });

  it('has a loan paid off 9 days ago, off the ledger, with its lien release under way', async () => {
    const [row] = await t.database.query<{
      status: string;
      balance_cents: number;
      next_due_date: string | null;
      entries: number;
      payoff_received_on: string;
      release_requested_on: string;
    }>(
      `select k.status, k.balance_cents, k.next_due_date, l.payoff_received_on::text, l.release_requested_on::text,
              (select count(*)::int from journal_entries j where j.contract_id = k.id) as entries
         from contracts k join customers c on c.id = k.customer_id join lien_releases l on l.contract_id = k.id
        where c.email = 'elena.park@example.com'`,
    );
    expect(row).toMatchObject({
      status: 'paid_off',
      balance_cents: 0,
      next_due_date: null,
      entries: 0,
      payoff_received_on: '2026-11-15',
      release_requested_on: '2026-11-16',
    });
  });

  it('stores SSN and date of birth only encrypted, findable by blind index', async () => {
    const [jordan] = await t.database.query<{ ssn_enc: string; ssn_bidx: string; dob_enc: string }>(
      "select ssn_enc, ssn_bidx, dob_enc from customers where email = 'jordan.ellis@example.com'",
    );
    expect(jordan?.ssn_enc).not.toContain('219099999');
    expect(cipher.decrypt(jordan?.ssn_enc ?? '', 'customers.ssn')).toBe('219099999');
    expect(cipher.decrypt(jordan?.dob_enc ?? '', 'customers.dob')).toBe('1990-07-04');
    expect(jordan?.ssn_bidx).toBe(cipher.blindIndex('219099999', 'ssn'));
  });

  it('is seeded once: a second seed is a no-op', async () => {
    expect((await seedDemo({ db: t.database.db, cipher }, '2026-11-24')).seeded).toBe(false);
  });
});

describe('synthetic contracts', () => {
  it('adds N contracts with customers and vehicles, a mix of loans, leases and a few delinquent', async () => {
    const progress: number[] = [];
    await seedSyntheticContracts(t.database, 30_000, '2026-11-24', (done) => progress.push(done));
    expect(progress.at(-1)).toBe(30_000);
    const [stats] = await t.database.query<{ n: number; leases: number; late: number; vins: number }>(
      `select count(*)::int as n, count(*) filter (where type = 'lease')::int as leases,
              count(*) filter (where days_past_due > 0)::int as late,
              (select count(distinct vin)::int from vehicles) as vins
         from contracts`,
    );
    expect(stats?.n).toBe(30_007);
    expect(stats?.vins).toBe(30_007);
    expect(stats?.leases).toBeGreaterThan(8_000);
    expect((stats?.late ?? 0) / 30_000).toBeGreaterThan(0.02);
    expect((stats?.late ?? 0) / 30_000).toBeLessThan(0.1);
    // ~30 % of the synthetic active contracts draft by autopay from a bank account of their own customer.
    const [autopay] = await t.database.query<{
      enrolled: number;
      active: number;
      mismatched: number;
      users: number;
    }>(
      `select count(a.id)::int as enrolled, count(*)::int as active,
              count(a.id) filter (where m.customer_id <> k.customer_id or m.kind <> 'bank_account'
                                   or u.customer_id <> k.customer_id or a.status <> 'active')::int as mismatched,
              count(u.id) filter (where u.password_hash is null and u.role = 'customer')::int as users
         from contracts k
         left join autopay_enrollments a on a.contract_id = k.id
         left join payment_methods m on m.id = a.payment_method_id
         left join users u on u.id = a.user_id
        where k.id > (select max(id) - 30000 from contracts) and k.status = 'active'`,
    );
    expect(autopay?.active).toBeGreaterThan(25_000);
    expect((autopay?.enrolled ?? 0) / (autopay?.active ?? 1)).toBeGreaterThan(0.28);
    expect((autopay?.enrolled ?? 0) / (autopay?.active ?? 1)).toBeLessThan(0.32);
    expect(autopay?.mismatched).toBe(0);
    expect(autopay?.users).toBe(autopay?.enrolled);
    // Every synthetic contract is on the ledger, and the ledger agrees with them.
    const verdict = await verifyLedger(t.database);
    expect(verdict).toMatchObject({ ok: true, trialBalance: 0, mismatchedContracts: [] });
    expect(verdict.entries).toBeGreaterThanOrEqual(30_000);
  });
});
