import { addDays } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLoggingSmsSender,
  createNotificationInbox,
  relayMail,
} from '../src/modules/notifications/index.ts';
import { closeOfBusinessCoverageNotices, sendCoverageNotices } from '../src/modules/protection/index.ts';
import { runCob } from '../src/modules/servicing/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import type { MailMessage } from '../src/platform/ports.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * The close of business's service-plan and warranty expiry notices: a demo service plan ending
 * 30 days after the business date gets exactly one notice (inbox + e-mail, per the customer's
 * `service_and_warranty` choices), a plan whose latest odometer reading is within 1,000 miles of
 * its limit gets one mileage notice, and a rerun of the day sends nothing more.
 */
let t: TestDatabase;
let database: Database;
const START = '2026-11-24';
const sent: MailMessage[] = [];
const notifyDeps = () => ({
  inbox: createNotificationInbox(),
  sms: createLoggingSmsSender({ now: () => new Date(), log: { info: () => {} } }),
  brandName: 'Solenne Motor Finance',
  now: () => new Date(`${START}T23:00:00Z`),
});
/** The notices' e-mails are queued in the mail outbox; relay them to `sent`. */
const relay = () =>
  relayMail(database.db, { send: async (m: MailMessage) => void sent.push(m) }, { now: notifyDeps().now });
const cobDeps = () => ({
  database,
  inbox: createNotificationInbox(),
  serviceNotices: closeOfBusinessCoverageNotices(notifyDeps()),
});

interface Plan {
  id: number;
  public_id: string;
  contract_id: number;
  customer_id: number;
  end_miles: number;
}
const plans: { byDate: Plan; byMiles: Plan } = {} as never;

async function q<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return database.query<T>(text, params);
}

const deliveries = (plan: Plan) =>
  q<{ dedupe_key: string; inbox_count: number; email_count: number }>(
    `select dedupe_key, inbox_count, email_count from notification_deliveries
      where event = 'service_and_warranty' and dedupe_key like $1 order by dedupe_key`,
    [`coverage_ending:${plan.public_id}:%`],
  );

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${START}T15:00:00Z`) },
    { seedDemo: true },
  );
  // Two live demo service plans (with a mileage limit), on active contracts of customers with a login.
  const found = await q<Plan>(
    `select p.id, p.public_id, p.contract_id, p.customer_id, p.end_miles
       from protection_products p join contracts c on c.id = p.contract_id
      where p.kind = 'service_plan' and p.cancelled_on is null and c.status = 'active' and p.end_miles is not null
        and exists (select 1 from users u where u.customer_id = p.customer_id and u.status = 'active')
      order by p.id`,
  );
  const byMiles = found.find((p) => p.customer_id !== found[0]?.customer_id);
  if (!found[0] || !byMiles) throw new Error('demo seed: two customers with live service plans expected');
  plans.byDate = found[0];
  plans.byMiles = byMiles;
  // Quiet the rest of the portfolio, so the day's notices are only the two under test.
  await q(`update protection_products set end_date = '2031-01-01', end_miles = null`);
  await q(`update protection_products set end_date = $1, end_miles = $2 where id = $3`, [
    addDays(START, 30),
    plans.byDate.end_miles,
    plans.byDate.id,
  ]);
  await q(`update protection_products set end_miles = $1 where id = $2`, [
    plans.byMiles.end_miles,
    plans.byMiles.id,
  ]);
  // An older reading past the threshold does not count: only the latest one (the day's) does.
  await q(
    `insert into odometer_readings (public_id, contract_id, reading_date, odometer, source)
     values ('odo_cov_old', $1, $2, $3, 'customer'), ('odo_cov_new', $1, $4, $5, 'customer')`,
    [
      plans.byMiles.contract_id,
      addDays(START, -40),
      plans.byMiles.end_miles - 100,
      START,
      plans.byMiles.end_miles - 750,
    ],
  );
  // The customer of the mileage plan turned e-mail off for this event: inbox only.
  await q(
    `insert into alert_preferences (user_id, kind, channel, enabled, updated_at)
     select u.id, 'service_and_warranty', 'email', false, now() from users u where u.customer_id = $1`,
    [plans.byMiles.customer_id],
  );
}, 120_000);
afterAll(() => t.drop());

describe('service-plan and warranty expiry notices (COB serviceNotices)', () => {
  it('a COB run 30 days before a plan ends gives that plan exactly one notice', async () => {
    const [r] = await runCob(cobDeps(), { trigger: 'test' });
    expect(r?.status).toBe('completed');
    await relay();
    const got = await deliveries(plans.byDate);
    expect(got.map((d) => d.dedupe_key)).toEqual([`coverage_ending:${plans.byDate.public_id}:30`]);
    expect(got[0]?.inbox_count).toBeGreaterThanOrEqual(1);
    expect(got[0]?.email_count).toBe(got[0]?.inbox_count);
    const inbox = await q<{ title: string; body: string }>(
      `select n.title, n.body from notifications n join users u on u.id = n.user_id
        where u.customer_id = $1 and n.kind = 'coverage_ending'`,
      [plans.byDate.customer_id],
    );
    expect(inbox.length).toBe(got[0]?.inbox_count);
    expect(inbox[0]?.title).toBe('Solenne Care Prepaid Maintenance ends in 30 days');
    expect(inbox[0]?.body).toContain(`ends on ${addDays(START, 30)}`);
    expect(sent.filter((m) => m.category === 'service_and_warranty').length).toBe(got[0]?.email_count);
  });

  it('the latest odometer within 1,000 miles of the limit gives one mileage notice, per preferences', async () => {
    const got = await deliveries(plans.byMiles);
    expect(got.map((d) => d.dedupe_key)).toEqual([`coverage_ending:${plans.byMiles.public_id}:miles`]);
    expect(got[0]?.inbox_count).toBeGreaterThanOrEqual(1);
    expect(got[0]?.email_count).toBe(0);
    const [n] = await q<{ body: string }>(
      `select n.body from notifications n join users u on u.id = n.user_id
        where u.customer_id = $1 and n.kind = 'coverage_ending'`,
      [plans.byMiles.customer_id],
    );
    expect(n?.body).toContain('750 miles short');
  });

  it('nothing else in the portfolio was due a notice, and a rerun of the day sends none', async () => {
    const before = await q<{ n: number }>(
      `select count(*)::int as n from notification_deliveries where event = 'service_and_warranty'`,
    );
    expect(before[0]?.n).toBe(2);
    const mails = sent.length;
    const [r] = await runCob(cobDeps(), { through: START, trigger: 'test' });
    expect(r?.status).toBe('completed');
    // The hook itself, forced over the whole portfolio for the same day: every key already used.
    const again = await sendCoverageNotices(database.db, notifyDeps(), {
      businessDate: START,
      fromContractId: 0,
      toContractId: Number.MAX_SAFE_INTEGER,
    });
    expect(again.generated).toBe(0);
    const after = await q<{ n: number }>(
      `select count(*)::int as n from notification_deliveries where event = 'service_and_warranty'`,
    );
    expect(after[0]?.n).toBe(2);
    await relay();
    expect(sent.length).toBe(mails);
  });

  it('the 60-day window gives its own notice once, and cancelled products get none', async () => {
    await q(`update protection_products set end_date = $1 where id = $2`, [
      addDays(START, 45),
      plans.byDate.id,
    ]);
    const first = await sendCoverageNotices(database.db, notifyDeps(), {
      businessDate: START,
      fromContractId: plans.byDate.contract_id,
      toContractId: plans.byDate.contract_id,
    });
    expect(first.generated).toBe(1);
    expect((await deliveries(plans.byDate)).map((d) => d.dedupe_key)).toEqual([
      `coverage_ending:${plans.byDate.public_id}:30`,
      `coverage_ending:${plans.byDate.public_id}:60`,
    ]);
    await q(`update protection_products set end_date = $1 where id = $2`, [
      addDays(START, 50),
      plans.byMiles.id,
    ]);
    await q(
      `update protection_products set cancelled_on = $1, cancellation_reason = 'test', refund_cents = 0 where id = $2`,
      [START, plans.byMiles.id],
    );
    const none = await sendCoverageNotices(database.db, notifyDeps(), {
      businessDate: START,
      fromContractId: plans.byMiles.contract_id,
      toContractId: plans.byMiles.contract_id,
    });
    expect(none.generated).toBe(0);
  });
});
