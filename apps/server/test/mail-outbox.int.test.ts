import { addDays } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNotificationInbox,
  enqueueMail,
  mailQueueCounts,
  notify,
  relayMail,
} from '../src/modules/notifications/index.ts';
import { createLoggingSmsSender } from '../src/modules/notifications/sms.ts';
import { type CobDeps, runCob } from '../src/modules/servicing/index.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import type { Mailer, MailMessage } from '../src/platform/ports.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * The transactional e-mail outbox (ADR 0011): e-mail is queued in the transaction of the change
 * that causes it, the relay sends each message once after commit, retries with backoff, gives
 * up after too many attempts, and several relays side by side never send a message twice.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
const MAYA = 'maya.thompson@example.com';

/** A mailer that records, optionally fails the first `failures` sends, and takes `delayMs` each. */
function fakeMailer(options: { failures?: number; delayMs?: number } = {}) {
  const sent: MailMessage[] = [];
  let failures = options.failures ?? 0;
  const mailer: Mailer = {
    async send(message) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (failures > 0) {
        failures--;
        throw new Error(`421 4.7.0 try again later, ${message.to} greylisted`);
      }
      sent.push(message);
    },
  };
  return { mailer, sent };
}

const message = (n: number, category = 'test_mail'): MailMessage => ({
  to: `customer${n}@example.com`,
  subject: `Message ${n}`,
  text: `Body ${n}`,
  category,
});

describe('through the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  const outboxRows = (category: string) =>
    t.db.database.query<{ to_address: string; sent_at: Date | null; attempts: number }>(
      'select to_address, sent_at, attempts from mail_outbox where category = $1 order by id',
      [category],
    );

  it('the demo seed queues no e-mail', async () => {
    expect(await mailQueueCounts(t.db.database.db)).toEqual({ queued: 0, sent: 0, failed: 0 });
  });

  it('a payment queues its confirmation with the payment; the request relays it once', async () => {
    const cookie = await logInAs(t, MAYA, DEMO_PASSWORD);
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const [account] = (await get('/api/v1/accounts')).json().data;
    const bank = (await get('/api/v1/payment-methods'))
      .json()
      .data.find((m: { type: string }) => m.type === 'bank_account');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/payments`,
      headers: { cookie, 'idempotency-key': 'mail-outbox-payment-1' },
      payload: { paymentMethodId: bank.id, amount: 12_345, currency: 'USD' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const rows = await outboxRows('payment_confirmation');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to_address: MAYA, attempts: 1 });
    expect(rows[0]?.sent_at).not.toBeNull();
    const confirmations = () => t.mailer.to(MAYA).filter((m) => m.category === 'payment_confirmation');
    expect(confirmations()).toHaveLength(1);
    expect(confirmations()[0]?.subject).toBe('Solenne Motor Finance: payment of $123.45 received');
    expect((await t.sentMail()).filter((m) => m.category === 'payment_confirmation')).toHaveLength(1);

    // Relaying again, or replaying the request, sends nothing more.
    expect(await t.relayMail()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    const replay = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/payments`,
      headers: { cookie, 'idempotency-key': 'mail-outbox-payment-1' },
      payload: { paymentMethodId: bank.id, amount: 12_345, currency: 'USD' },
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(confirmations()).toHaveLength(1);
  });

  it('a rolled-back transaction queues nothing, whether enqueued directly or through notify', async () => {
    const before = await mailQueueCounts(t.db.database.db);
    const [maya] = await t.db.database.query<{ customer_id: number }>(
      'select customer_id from users where email = $1',
      [MAYA],
    );
    await expect(
      inTransaction(t.db.database.db, async (tx) => {
        await enqueueMail(tx, message(1), { now: t.now() });
        const outcome = await notify(
          tx,
          {
            inbox: createNotificationInbox(),
            sms: createLoggingSmsSender({ now: t.now, log: { info: () => {} } }),
            brandName: 'Solenne Motor Finance',
            now: t.now,
          },
          {
            customerId: Number(maya?.customer_id),
            event: 'statement_ready',
            title: 'Your statement is ready',
            body: 'It is in Documents.',
          },
        );
        expect(outcome.mail).toHaveLength(1);
        throw new Error('the change failed after the e-mail was queued');
      }),
    ).rejects.toThrow('the change failed');
    expect(await mailQueueCounts(t.db.database.db)).toEqual(before);
    expect(await t.relayMail()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
  });

  it('the ops outbox shows the queue counts', async () => {
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ops/outbox',
      headers: { cookie: agent },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().queue).toEqual(await mailQueueCounts(t.db.database.db));
    expect(response.json().queue.sent).toBeGreaterThanOrEqual(1);
  });
});

describe('the relay', () => {
  let t: TestDatabase;
  const T0 = new Date('2026-11-24T15:00:00Z');
  const at = (ms: number) => () => new Date(T0.getTime() + ms);
  beforeAll(async () => {
    t = await freshDatabase();
    await prepareDatabase(
      { database: t.database, cipher: createFieldCipher(testFieldKeys()), now: T0 },
      { seedDemo: false },
    );
  });
  afterAll(async () => t?.drop());

  const row = async (category: string) => {
    const [r] = await t.database.query<{
      attempts: number;
      available_at: Date;
      sent_at: Date | null;
      failed_at: Date | null;
      last_error: string | null;
    }>('select attempts, available_at, sent_at, failed_at, last_error from mail_outbox where category = $1', [
      category,
    ]);
    return r;
  };

  it('a mailer failure is retried after a backoff that doubles, then sent once', async () => {
    await inTransaction(t.database.db, (tx) => enqueueMail(tx, message(1, 'retry_case'), { now: T0 }));
    const { mailer, sent } = fakeMailer({ failures: 2 });
    const options = { baseBackoffMs: 60_000, maxBackoffMs: 3_600_000 };

    expect(await relayMail(t.database.db, mailer, { ...options, now: at(0) })).toEqual({
      sent: 0,
      retried: 1,
      gaveUp: 0,
    });
    let r = await row('retry_case');
    expect(r?.attempts).toBe(1);
    expect(new Date(r?.available_at ?? 0).getTime()).toBe(T0.getTime() + 60_000);
    // The reason is kept, the recipient's address is not.
    expect(r?.last_error).toBe('421 4.7.0 try again later, <address> greylisted');

    // Not due before its backoff ends.
    expect(await relayMail(t.database.db, mailer, { ...options, now: at(59_999) })).toEqual({
      sent: 0,
      retried: 0,
      gaveUp: 0,
    });
    expect(await relayMail(t.database.db, mailer, { ...options, now: at(60_000) })).toMatchObject({
      retried: 1,
    });
    r = await row('retry_case');
    expect(r?.attempts).toBe(2);
    expect(new Date(r?.available_at ?? 0).getTime()).toBe(T0.getTime() + 60_000 + 120_000);

    expect(await relayMail(t.database.db, mailer, { ...options, now: at(180_000) })).toEqual({
      sent: 1,
      retried: 0,
      gaveUp: 0,
    });
    r = await row('retry_case');
    expect(r?.attempts).toBe(3);
    expect(r?.sent_at).not.toBeNull();
    expect(r?.last_error).toBeNull();
    expect(sent.map((m) => m.subject)).toEqual(['Message 1']);
    expect(await relayMail(t.database.db, mailer, { ...options, now: at(10_000_000) })).toMatchObject({
      sent: 0,
    });
  });

  it('gives up after maxAttempts: failed_at set, counted as failed, never sent again', async () => {
    await inTransaction(t.database.db, (tx) => enqueueMail(tx, message(2, 'give_up_case'), { now: T0 }));
    const { mailer, sent } = fakeMailer({ failures: 100 });
    const options = { baseBackoffMs: 0, maxAttempts: 3 };
    const result = await relayMail(t.database.db, mailer, { ...options, now: at(0) });
    expect(result).toEqual({ sent: 0, retried: 2, gaveUp: 1 });
    const r = await row('give_up_case');
    expect(r?.attempts).toBe(3);
    expect(r?.failed_at).not.toBeNull();
    expect(await relayMail(t.database.db, mailer, { ...options, now: at(10_000_000) })).toEqual({
      sent: 0,
      retried: 0,
      gaveUp: 0,
    });
    expect(sent).toEqual([]);
    expect((await mailQueueCounts(t.database.db)).failed).toBe(1);
  });

  it('a dedupe key queues a message once', async () => {
    const queue = () =>
      inTransaction(t.database.db, (tx) =>
        enqueueMail(tx, message(3, 'dedupe_case'), { now: T0, dedupeKey: 'dedupe_case:1' }),
      );
    expect(await queue()).toBe(true);
    expect(await queue()).toBe(false);
    const [{ n } = { n: 0 }] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from mail_outbox where category = 'dedupe_case'`,
    );
    expect(n).toBe(1);
  });

  it('two relays at once send each message exactly once', async () => {
    const COUNT = 30;
    await inTransaction(t.database.db, async (tx) => {
      for (let n = 0; n < COUNT; n++) await enqueueMail(tx, message(100 + n, 'concurrent_case'), { now: T0 });
    });
    const a = fakeMailer({ delayMs: 5 });
    const b = fakeMailer({ delayMs: 5 });
    const [ra, rb] = await Promise.all([
      relayMail(t.database.db, a.mailer, { now: at(0), batchSize: 1000 }),
      relayMail(t.database.db, b.mailer, { now: at(0), batchSize: 1000 }),
    ]);
    const subjects = [...a.sent, ...b.sent]
      .filter((m) => m.category === 'concurrent_case')
      .map((m) => m.subject);
    expect(subjects).toHaveLength(COUNT);
    expect(new Set(subjects).size).toBe(COUNT);
    expect((ra?.sent ?? 0) + (rb?.sent ?? 0)).toBeGreaterThanOrEqual(COUNT);
    // On PostgreSQL both relays work at once (SKIP LOCKED); PGlite has one connection.
    if (t.database.kind === 'postgres') {
      expect(a.sent.length).toBeGreaterThan(0);
      expect(b.sent.length).toBeGreaterThan(0);
    }
  });
});

describe('close of business notice e-mails', () => {
  let t: TestDatabase;
  const START = '2026-11-24';
  const NOW = new Date(`${START}T23:00:00Z`);
  const cobDeps = (crash?: (point: string) => void): CobDeps => ({
    database: t.database,
    inbox: createNotificationInbox(),
    now: () => NOW,
    ...(crash ? { crash } : {}),
  });
  const noticeMail = (sent: MailMessage[]) =>
    sent.filter((m) => m.category.startsWith('notice.')).map((m) => `${m.to} ${m.category} ${m.text}`);

  beforeAll(async () => {
    t = await freshDatabase();
    await prepareDatabase(
      {
        database: t.database,
        cipher: createFieldCipher(testFieldKeys()),
        now: new Date(`${START}T15:00:00Z`),
      },
      { seedDemo: true },
    );
    // A lease of a customer with a portal login ends in 80 days: today's run gives it the 90-day notice.
    const [lease] = await t.database.query<{ id: number }>(
      `select c.id from contracts c
        where c.type = 'lease' and c.status = 'active'
          and exists (select 1 from users u where u.customer_id = c.customer_id and u.role = 'customer' and u.status = 'active')
        order by c.id limit 1`,
    );
    if (!lease) throw new Error('demo seed: a lease with a portal login expected');
    await t.database.query('update contracts set maturity_date = $1 where id = $2', [
      addDays(START, 80),
      lease.id,
    ]);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('a crash between the notice step and the relay, then a rerun: each notice e-mailed once', async () => {
    const { mailer, sent } = fakeMailer();
    let crashed = false;
    await expect(
      runCob(
        cobDeps((point) => {
          if (point === 'notice_emails@-1:after' && !crashed) {
            crashed = true;
            throw new Error('crash after the notice e-mails step committed');
          }
        }),
        { trigger: 'test' },
      ),
    ).rejects.toThrow('crash after');
    expect(crashed).toBe(true);

    // The queued notices survive the crash; a relay (another process, or the rerun's) sends them.
    await relayMail(t.database.db, mailer, { now: () => NOW, batchSize: 1000 });
    const expected = await t.database.query<{ email: string; kind: string }>(
      `select u.email, n.kind from cob_notices n
         join contracts c on c.id = n.contract_id
         join users u on u.customer_id = c.customer_id and u.role = 'customer' and u.status = 'active'
        where n.business_date = $1 order by 1, 2`,
      [START],
    );
    expect(expected.map((e) => e.kind)).toContain('lease_maturity_90');
    const first = noticeMail(sent);
    expect(first).toHaveLength(expected.length);

    // The rerun completes the day and queues nothing again; relaying sends nothing more.
    const [day] = await runCob(cobDeps(), { through: START, trigger: 'test' });
    expect(day?.status).toBe('completed');
    await relayMail(t.database.db, mailer, { now: () => NOW, batchSize: 1000 });
    expect(noticeMail(sent)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('a crash before the notice e-mails step commits queues nothing; the rerun queues each once', async () => {
    const { mailer, sent } = fakeMailer();
    const DAY = addDays(START, 1);
    // Tomorrow's 90-day notice for another lease of a customer with a login.
    const [lease] = await t.database.query<{ id: number }>(
      `select c.id from contracts c
        where c.type = 'lease' and c.status = 'active' and c.maturity_date <> $1
          and exists (select 1 from users u where u.customer_id = c.customer_id and u.role = 'customer' and u.status = 'active')
        order by c.id limit 1`,
      [addDays(START, 80)],
    );
    if (lease)
      await t.database.query('update contracts set maturity_date = $1 where id = $2', [
        addDays(DAY, 85),
        lease.id,
      ]);
    const noticeRows = async () =>
      (
        await t.database.query<{ n: number }>(
          `select count(*)::int as n from mail_outbox where category like 'notice.%'`,
        )
      )[0]?.n;
    const queuedBefore = await noticeRows();
    let crashed = false;
    await expect(
      runCob(
        cobDeps((point) => {
          if (point === 'notice_emails@-1:before' && !crashed) {
            crashed = true;
            throw new Error('crash before the notice e-mails step');
          }
        }),
        { trigger: 'test' },
      ),
    ).rejects.toThrow('crash before');
    expect(await noticeRows()).toBe(queuedBefore);
    const [day] = await runCob(cobDeps(), { through: DAY, trigger: 'test' });
    expect(day?.status).toBe('completed');
    await relayMail(t.database.db, mailer, { now: () => NOW, batchSize: 1000 });
    await runCob(cobDeps(), { through: DAY, trigger: 'test' });
    await relayMail(t.database.db, mailer, { now: () => NOW, batchSize: 1000 });
    const expected = await t.database.query<{ n: number }>(
      `select count(*)::int as n from cob_notices n
         join contracts c on c.id = n.contract_id
         join users u on u.customer_id = c.customer_id and u.role = 'customer' and u.status = 'active'
        where n.business_date = $1`,
      [DAY],
    );
    expect(expected[0]?.n).toBeGreaterThan(0);
    const mails = noticeMail(sent);
    expect(mails).toHaveLength(expected[0]?.n ?? -1);
    expect(new Set(mails).size).toBe(mails.length);
  });
});
