import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLoggingSmsSender,
  isPaperless,
  type NotifyDeps,
  notify,
} from '../src/modules/notifications/index.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
const MAYA = 'maya.thompson@example.com';
const PRIYA = 'priya.shah@example.com';
const AGENT = 'agent@solenne.example';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const call = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1/${url}`,
    headers: { cookie, 'user-agent': 'PrefsTest/1.0' },
    ...(payload ? { payload } : {}),
  });

async function idsOf(email: string) {
  const [row] = await t.db.database.query<{ user_id: number; customer_id: number }>(
    'select id as user_id, customer_id from users where email = $1',
    [email],
  );
  if (!row) throw new Error(`no user ${email}`);
  return { userId: Number(row.user_id), customerId: Number(row.customer_id) };
}

/** A log that keeps its lines, to check what the SMS adapter writes. */
function captureLog() {
  const lines: string[] = [];
  return { lines, info: (obj: object, msg: string) => void lines.push(`${JSON.stringify(obj)} ${msg}`) };
}

function notifyDeps(log = captureLog()): NotifyDeps {
  return {
    inbox: t.inbox,
    sms: createLoggingSmsSender({ now: () => t.now(), log }),
    brandName: 'Solenne Motor Finance',
    now: () => t.now(),
    publicOrigin: 'https://portal.solenne.example',
  };
}

const unreadOf = async (cookie: string) => (await call('GET', 'me/notifications', cookie)).json().unreadCount;

describe('notification preferences', () => {
  it('defaults: servicing notices by e-mail and in the portal, no texts, no marketing; alerts included', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const response = await call('GET', 'me/notification-preferences', maya);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.events).toHaveLength(10);
    expect(body.events[0]).toEqual({ event: 'payment_confirmation', email: true, inbox: true, sms: false });
    expect(body.events.find((e: { event: string }) => e.event === 'marketing')).toEqual({
      event: 'marketing',
      email: false,
      inbox: false,
      sms: false,
    });
    expect(body.events.filter((e: { sms: boolean }) => e.sms)).toEqual([]);
    expect(body.security).toHaveLength(8);
    expect(body.security.find((a: { kind: string }) => a.kind === 'password_changed')).toEqual({
      kind: 'password_changed',
      email: true,
      inbox: true,
      emailRequired: true,
    });
    expect(body.smsPhone).toBe('•••-•••-0134');
  });

  it('saves per event and channel, audited; the others keep theirs', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const saved = await call('PUT', 'me/notification-preferences', maya, {
      events: [{ event: 'payment_due_reminder', email: false, inbox: true, sms: true }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = (await call('GET', 'me/notification-preferences', maya)).json();
    expect(again.events.find((e: { event: string }) => e.event === 'payment_due_reminder')).toEqual({
      event: 'payment_due_reminder',
      email: false,
      inbox: true,
      sms: true,
    });
    expect(again.events.find((e: { event: string }) => e.event === 'statement_ready')).toEqual({
      event: 'statement_ready',
      email: true,
      inbox: true,
      sms: false,
    });
    expect(t.audit.of('notification_preferences.update').at(-1)?.details?.events).toBe(
      'payment_due_reminder:email:off,payment_due_reminder:inbox:on,payment_due_reminder:sms:on',
    );
  });

  it('security-critical alert e-mails stay on (422 with the field), and nothing of the request is saved', async () => {
    const priya = await logInAs(t, PRIYA, DEMO_PASSWORD);
    const refused = await call('PUT', 'me/notification-preferences', priya, {
      events: [{ event: 'marketing', email: true, inbox: true, sms: false }],
      security: [
        { kind: 'new_device_sign_in', email: false, inbox: true },
        { kind: 'password_changed', email: false, inbox: true },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'alert_required',
      errors: [{ field: 'security.1.email', code: 'alert_required' }],
    });
    const after = (await call('GET', 'me/notification-preferences', priya)).json();
    expect(after.events.find((e: { event: string }) => e.event === 'marketing').email).toBe(false);

    // An optional alert can be turned off here, and the security centre's own API sees it.
    const ok = await call('PUT', 'me/notification-preferences', priya, {
      security: [{ kind: 'new_device_sign_in', email: false, inbox: true }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const alerts = (await call('GET', 'me/alert-preferences', priya)).json().data;
    expect(alerts.find((a: { kind: string }) => a.kind === 'new_device_sign_in')).toEqual({
      kind: 'new_device_sign_in',
      email: false,
      inbox: true,
      emailRequired: false,
    });
  });

  it('texts need a phone on file (422 phone_required on the field)', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const { customerId } = await idsOf(MAYA);
    await t.db.database.query('update customers set phone = null where id = $1', [customerId]);
    try {
      const refused = await call('PUT', 'me/notification-preferences', maya, {
        events: [
          { event: 'statement_ready', email: true, inbox: true, sms: false },
          { event: 'payment_returned', email: true, inbox: true, sms: true },
        ],
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: 'events.1.sms', code: 'phone_required' }),
      ]);
      expect((await call('GET', 'me/notification-preferences', maya)).json().smsPhone).toBeNull();
    } finally {
      await t.db.database.query("update customers set phone = '951-555-0134' where id = $1", [customerId]);
    }
  });

  it('is for customers: staff get 403, bad input 400', async () => {
    const agent = await logInAs(t, AGENT, DEMO_PASSWORD);
    expect((await call('GET', 'me/notification-preferences', agent)).statusCode).toBe(403);
    expect((await call('GET', 'me/paperless', agent)).statusCode).toBe(403);
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const bad = await call('PUT', 'me/notification-preferences', maya, {
      events: [{ event: 'carrier_pigeon', email: true, inbox: true, sms: false }],
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('paperless and E-SIGN consent', () => {
  it('is off by default and cannot be turned on without consent to the current disclosure', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    expect((await call('GET', 'me/paperless', maya)).json()).toEqual({
      enabled: false,
      disclosureVersion: '2026-01',
      consent: null,
      changedAt: null,
    });
    for (const payload of [
      { enabled: true },
      { enabled: true, consent: { version: '2026-01', accepted: false } },
    ]) {
      const refused = await call('PUT', 'me/paperless', maya, payload);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'esign_consent_required',
        errors: [{ field: 'consent.accepted', code: 'esign_consent_required' }],
      });
    }
    const outdated = await call('PUT', 'me/paperless', maya, {
      enabled: true,
      consent: { version: '2025-01', accepted: true },
    });
    expect(outdated.statusCode).toBe(422);
    expect(outdated.json().errors[0]).toMatchObject({
      field: 'consent.version',
      code: 'esign_version_outdated',
    });
    const { customerId } = await idsOf(MAYA);
    expect(await isPaperless(t.db.database.db, customerId)).toBe(false);
  });

  it('records the consent with time, IP and version; withdrawing always works and turns it off', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    const { customerId } = await idsOf(MAYA);
    const consentsBefore = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from customer_consents where customer_id = $1 and kind = 'esign'",
      [customerId],
    );
    const on = await call('PUT', 'me/paperless', maya, {
      enabled: true,
      consent: { version: '2026-01', accepted: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({
      enabled: true,
      disclosureVersion: '2026-01',
      consent: { version: '2026-01', acceptedAt: t.now().toISOString() },
      changedAt: t.now().toISOString(),
    });
    expect(await isPaperless(t.db.database.db, customerId)).toBe(true);
    const [consent] = await t.db.database.query<{
      version: string;
      ip: string;
      user_agent: string;
      n: number;
    }>(
      `select version, ip, user_agent, (select count(*)::int from customer_consents
          where customer_id = $1 and kind = 'esign') as n
         from customer_consents where customer_id = $1 and kind = 'esign' order by id desc limit 1`,
      [customerId],
    );
    expect(consent).toEqual({
      version: '2026-01',
      ip: '127.0.0.1',
      user_agent: 'PrefsTest/1.0',
      n: (consentsBefore[0]?.n ?? 0) + 1,
    });
    expect(t.audit.of('paperless.enable').at(-1)).toMatchObject({
      subjectCustomerId: customerId,
      details: { esignVersion: '2026-01' },
    });

    // Asking again changes nothing; withdrawing needs no consent and is recorded.
    await call('PUT', 'me/paperless', maya, {
      enabled: true,
      consent: { version: '2026-01', accepted: true },
    });
    const off = await call('PUT', 'me/paperless', maya, { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, consent: null });
    expect(await isPaperless(t.db.database.db, customerId)).toBe(false);
    const history = await t.db.database.query<{ enabled: boolean; esign_version: string | null }>(
      'select enabled, esign_version from paperless_elections where customer_id = $1 order by id',
      [customerId],
    );
    expect(history).toEqual([
      { enabled: true, esign_version: '2026-01' },
      { enabled: false, esign_version: null },
    ]);
    expect(t.audit.of('paperless.withdraw')).toHaveLength(1);
  });
});

describe('the SMS adapter', () => {
  it('records the text in the sms outbox and logs only the masked number', async () => {
    const log = captureLog();
    const sms = createLoggingSmsSender({ now: () => t.now(), log });
    const { customerId } = await idsOf(MAYA);
    const sentAt = t.now().toISOString();
    await sms.send(t.db.database.db, {
      to: '+19515550134',
      text: 'Solenne Motor Finance: Payment of $412.35 received',
      category: 'payment_confirmation',
      customerId,
    });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toContain('•••-•••-0134');
    expect(log.lines[0]).not.toContain('9515550134');
    expect(log.lines[0]).not.toContain('412.35');
    await expect(
      sms.send(t.db.database.db, { to: '951-555-0134', text: 'x', category: 'marketing' }),
    ).rejects.toThrow(/E\.164/);

    const agent = await logInAs(t, AGENT, DEMO_PASSWORD);
    const outbox = await call('GET', 'ops/outbox/sms', agent);
    expect(outbox.statusCode, outbox.body).toBe(200);
    expect(outbox.json().data[0]).toEqual({
      id: expect.stringMatching(/^sms_/),
      to: '•••-•••-0134',
      category: 'payment_confirmation',
      text: 'Solenne Motor Finance: Payment of $412.35 received',
      status: 'logged',
      createdAt: sentAt,
    });
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    expect((await call('GET', 'ops/outbox/sms', maya)).statusCode).toBe(403);
  });
});

describe('notify', () => {
  it("delivers to the channels the customer's preferences allow", async () => {
    const { customerId } = await idsOf(MAYA);
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    // Earlier: payment_due_reminder = e-mail off, inbox on, SMS on.
    const unreadBefore = await unreadOf(maya);
    const log = captureLog();
    const reminder = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(log), {
        customerId,
        event: 'payment_due_reminder',
        title: 'Your payment of $412.35 is due on December 1',
        body: 'Pay in the portal or make sure autopay is on.',
        link: '/accounts/ctr_x/pay',
      }),
    );
    expect(reminder).toEqual({ duplicate: false, inbox: 1, sms: 1, mail: [] });
    expect(log.lines[0]).toContain('•••-•••-0134');
    const list = (await call('GET', 'me/notifications', maya)).json();
    expect(list.unreadCount).toBe(unreadBefore + 1);
    expect(list.data[0]).toMatchObject({
      kind: 'payment_due_reminder',
      title: 'Your payment of $412.35 is due on December 1',
      link: '/accounts/ctr_x/pay',
      readAt: null,
    });

    // Defaults: e-mail and inbox, no text.
    const statement = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(), {
        customerId,
        event: 'statement_ready',
        title: 'Your November statement is ready',
        body: 'It shows an amount due of $412.35 on December 1.',
        link: '/documents',
      }),
    );
    expect(statement.inbox).toBe(1);
    expect(statement.sms).toBe(0);
    expect(statement.mail).toEqual([
      {
        to: MAYA,
        subject: 'Solenne Motor Finance: Your November statement is ready',
        text: 'It shows an amount due of $412.35 on December 1.\n\nSee it in your account: https://portal.solenne.example/documents',
        category: 'statement_ready',
      },
    ]);
    expect(await t.relayMail()).toEqual({ sent: 1, retried: 0, gaveUp: 0 });
    expect(t.mailer.to(MAYA).at(-1)?.category).toBe('statement_ready');

    // Marketing is off by default: nothing at all.
    const marketing = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(), { customerId, event: 'marketing', title: 'New offers', body: 'Rates.' }),
    );
    expect(marketing).toEqual({ duplicate: false, inbox: 0, sms: 0, mail: [] });
    expect(await unreadOf(maya)).toBe(unreadBefore + 2);
  });

  it('is idempotent by dedupe key, per customer', async () => {
    const maya = await idsOf(MAYA);
    const priya = await idsOf(PRIYA);
    const notice = (customerId: number) => ({
      customerId,
      event: 'lease_maturity' as const,
      title: 'Your lease ends in 90 days',
      body: 'See your end-of-lease options.',
      dedupeKey: 'lease_maturity:90:2027-02-22',
    });
    const first = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(), notice(maya.customerId)),
    );
    const again = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(), notice(maya.customerId)),
    );
    const other = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(), notice(priya.customerId)),
    );
    expect(first).toMatchObject({ duplicate: false, inbox: 1 });
    expect(first.mail).toHaveLength(1);
    expect(again).toEqual({ duplicate: true, inbox: 0, sms: 0, mail: [] });
    expect(other).toMatchObject({ duplicate: false, inbox: 1 });
    const rows = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from notifications where kind = 'lease_maturity' and user_id = $1",
      [maya.userId],
    );
    expect(rows[0]?.n).toBe(1);

    // A rolled-back notice leaves nothing, so the retry delivers.
    const key = 'statement_ready:rollback-test';
    await expect(
      inTransaction(t.db.database.db, async (tx) => {
        await notify(tx, notifyDeps(), { ...notice(maya.customerId), dedupeKey: key });
        throw new Error('crash after notify');
      }),
    ).rejects.toThrow('crash after notify');
    const retried = await inTransaction(t.db.database.db, (tx) =>
      notify(tx, notifyDeps(), { ...notice(maya.customerId), dedupeKey: key }),
    );
    expect(retried.duplicate).toBe(false);
  });

  it('payment confirmations follow the preferences: e-mail off means no e-mail, the notice stays in the inbox', async () => {
    const maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    await call('PUT', 'me/notification-preferences', maya, {
      events: [{ event: 'payment_confirmation', email: false, inbox: true, sms: true }],
    });
    const account = (await call('GET', 'accounts', maya))
      .json()
      .data.find((a: { type: string }) => a.type === 'loan');
    const bank = (await call('GET', 'payment-methods', maya))
      .json()
      .data.find((m: { type: string }) => m.type === 'bank_account');
    const mailsBefore = t.mailer.to(MAYA).length;
    const unreadBefore = await unreadOf(maya);
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/payments`,
      headers: { cookie: maya, 'idempotency-key': 'prefs-test-payment-1' },
      payload: { paymentMethodId: bank.id, amount: 10_000, currency: 'USD' },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(t.mailer.to(MAYA)).toHaveLength(mailsBefore);
    expect(await unreadOf(maya)).toBe(unreadBefore + 1);
    const [text] = await t.db.database.query<{ text: string; category: string }>(
      'select text, category from sms_outbox order by id desc limit 1',
    );
    expect(text).toEqual({
      category: 'payment_confirmation',
      text: `Solenne Motor Finance: Payment of $100.00 received. Confirmation ${paid.json().confirmationNumber}.`,
    });
    // The app's logging adapter wrote the masked number only.
    expect(t.logs.text).toContain('•••-•••-0134');
    expect(t.logs.text).not.toContain('9515550134');
  });
});
