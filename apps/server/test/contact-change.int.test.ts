import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  logInAs,
  passwordStep,
  sessionCookieOf,
  type TestApp,
  testApp,
  totpAt,
} from './support/app.ts';

const MAYA = 'maya.thompson@example.com';
const MAYA_NEW = 'maya.t@example.net';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const later = (minutes: number) => t.setNow(new Date(t.now().getTime() + minutes * 60_000));

/** A fresh step-up: the session token rotates, so the new cookie is returned. */
async function stepUp(cookie: string): Promise<string> {
  later(0.5);
  const response = await call('POST', 'auth/step-up', cookie, {
    method: 'totp',
    code: await totpAt(t.now()),
  });
  expect(response.statusCode).toBe(200);
  return sessionCookieOf(response);
}

describe('ASVS 7.5.1: changing the e-mail address needs a step-up and the new address proven', () => {
  it('refuses without a recent step-up, then e-mails the code to the NEW address only', async () => {
    let maya = await logInAs(t, MAYA, DEMO_PASSWORD);
    later(6);
    const refused = await call('POST', 'me/email', maya, { newEmail: MAYA_NEW });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('step_up_required');
    expect(t.mailer.to(MAYA_NEW)).toEqual([]);

    maya = await stepUp(maya);
    const mailsToOld = t.mailer.to(MAYA).length;
    const started = await call('POST', 'me/email', maya, { newEmail: 'Maya.T@Example.net ' });
    expect(started.json()).toEqual({ status: 'code_sent', expiresInSeconds: 600 });
    expect(t.mailer.to(MAYA_NEW)).toHaveLength(1);
    expect(t.mailer.to(MAYA)).toHaveLength(mailsToOld);

    // A wrong code changes nothing.
    const code = t.mailer.lastCode(MAYA_NEW);
    const wrong = await call('POST', 'me/email/verify', maya, {
      code: code === '000000' ? '000001' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('code');
    expect((await call('GET', 'me', maya)).json().user.email).toBe(MAYA);

    // Alerts to old and new address: the e-mail change alert reaches both, and the inbox.
    const verified = await call('POST', 'me/email/verify', maya, { code });
    expect(verified.json()).toEqual({ email: MAYA_NEW });
    expect((await call('GET', 'me', maya)).json().user.email).toBe(MAYA_NEW);
    for (const address of [MAYA, MAYA_NEW]) {
      const alert = t.mailer.to(address).find((m) => m.subject.includes('e-mail address was changed'));
      expect(alert?.category, address).toBe('security_alert');
      expect(alert?.text).toContain(`from ${MAYA} to ${MAYA_NEW}`);
    }
    expect(t.inbox.notifications.filter((n) => n.kind === 'email_changed')).toHaveLength(1);
    expect(t.audit.of('email_change.complete')).toHaveLength(1);
    const [customer] = await t.db.database.query<{ email: string }>(
      `select c.email from customers c join users u on u.customer_id = c.id where u.email = $1`,
      [MAYA_NEW],
    );
    expect(customer?.email).toBe(MAYA_NEW);

    // The code works once; the new address signs in, the old one no longer does.
    expect((await call('POST', 'me/email/verify', maya, { code })).statusCode).toBe(400);
    expect((await passwordStep(t, MAYA_NEW, DEMO_PASSWORD)).length).toBeGreaterThan(0);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: MAYA, password: DEMO_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });

  it('an address in use gets one neutral 409 that names nobody; your own address is a field error', async () => {
    const priya = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
    const taken = await call('POST', 'me/email', priya, { newEmail: 'daniel.reyes@example.com' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('email_unavailable');
    expect(taken.body).not.toMatch(/daniel|reyes|another account|exists/i);
    expect(
      t.mailer.to('daniel.reyes@example.com').filter((m) => m.category === 'email_verification'),
    ).toEqual([]);
    const same = await call('POST', 'me/email', priya, { newEmail: 'priya.shah@example.com' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'newEmail', code: 'same_email' });
  });

  it('ASVS 6.6.2: the code expires after 10 minutes and five wrong codes end the change', async () => {
    let chris = await logInAs(t, 'chris.walker@example.com', DEMO_PASSWORD);
    await call('POST', 'me/email', chris, { newEmail: 'chris.w@example.net' });
    const code = t.mailer.lastCode('chris.w@example.net');
    later(11);
    expect((await call('POST', 'me/email/verify', chris, { code })).statusCode).toBe(400);

    chris = await stepUp(chris);
    await call('POST', 'me/email', chris, { newEmail: 'chris.w@example.net' });
    const fresh = t.mailer.lastCode('chris.w@example.net');
    const bad = fresh === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) await call('POST', 'me/email/verify', chris, { code: bad });
    expect((await call('POST', 'me/email/verify', chris, { code: fresh })).statusCode).toBe(400);
    expect((await call('GET', 'me', chris)).json().user.email).toBe('chris.walker@example.com');
  });
});

describe('ASVS 7.5.1: changing the phone number needs a step-up; E.164 only; alerted and audited', () => {
  it('validates, stores E.164 on the customer record and alerts by e-mail and in the inbox', async () => {
    let daniel = await logInAs(t, 'daniel.reyes@example.com', DEMO_PASSWORD);
    expect((await call('GET', 'me/contact', daniel)).json()).toMatchObject({
      email: 'daniel.reyes@example.com',
      phone: '951-555-0177',
      phoneEditable: true,
    });
    later(6);
    const refused = await call('PUT', 'me/phone', daniel, { phone: '+1 951 555 0100' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('step_up_required');

    daniel = await stepUp(daniel);
    for (const phone of ['951 555 0100', '+0 951 555 0100', '+1 951 555 01a0', '+1234']) {
      const invalid = await call('PUT', 'me/phone', daniel, { phone });
      expect(invalid.statusCode, phone).toBe(400);
      expect(invalid.json().errors[0].field).toBe('phone');
    }
    const changed = await call('PUT', 'me/phone', daniel, { phone: '+1 (951) 555-0100' });
    expect(changed.json()).toEqual({ phone: '+19515550100' });
    expect((await call('GET', 'me/contact', daniel)).json().phone).toBe('+19515550100');

    const alert = t.mailer
      .to('daniel.reyes@example.com')
      .find((m) => m.subject.includes('phone number was changed'));
    expect(alert?.text).toContain('ending in 00');
    expect(alert?.text).not.toContain('9515550100');
    expect(t.inbox.notifications.filter((n) => n.kind === 'phone_changed')).toHaveLength(1);
    expect(t.audit.of('phone.change')).toHaveLength(1);
  });

  it('staff have no phone on record here: the contact card says so', async () => {
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    expect((await call('GET', 'me/contact', agent)).json()).toMatchObject({
      phone: null,
      phoneEditable: false,
    });
    expect((await call('PUT', 'me/phone', agent, { phone: '+19515550100' })).statusCode).toBe(403);
  });
});
