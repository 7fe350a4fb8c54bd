import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp, totpAt } from './support/app.ts';

const PRIYA = 'priya.shah@example.com';
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const call = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: object, ua?: string) =>
  t.app.inject({
    method,
    url: `/api/v1/${url}`,
    headers: { cookie, ...(ua ? { 'user-agent': ua } : {}) },
    ...(payload ? { payload } : {}),
  });

/** Signs in from a browser this account has not used before (a new-device alert, if wanted). */
async function signInFromNewBrowser(email: string, ua: string) {
  t.setNow(new Date(t.now().getTime() + 30_000));
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
    headers: { 'user-agent': ua },
  });
  const preAuth = login.cookies.find((c) => c.name === 'marque_preauth');
  const done = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/totp',
    payload: { code: await totpAt(t.now()) },
    headers: { cookie: `marque_preauth=${preAuth?.value}`, 'user-agent': ua },
  });
  expect(done.statusCode).toBe(200);
}
const newDeviceMails = (email: string) => t.mailer.to(email).filter((m) => m.subject.includes('New sign-in'));
const inboxOf = (kind: string) => t.inbox.notifications.filter((n) => n.kind === kind);

describe('security alert preferences', () => {
  it('everything is on by default; critical alerts say their e-mail cannot be turned off', async () => {
    const priya = await logInAs(t, PRIYA, DEMO_PASSWORD);
    const { data } = (await call('GET', 'me/alert-preferences', priya)).json();
    expect(data.every((p: { email: boolean; inbox: boolean }) => p.email && p.inbox)).toBe(true);
    const required = data
      .filter((p: { emailRequired: boolean }) => p.emailRequired)
      .map((p: { kind: string }) => p.kind);
    expect(required).toEqual([
      'password_changed',
      'mfa_changed',
      'recovery_code_used',
      'email_changed',
      'phone_changed',
      'account_recovered',
    ]);
  });

  it('optional alerts can be turned off per channel, and sendSecurityAlert honours it', async () => {
    const priya = await logInAs(t, PRIYA, DEMO_PASSWORD);
    await signInFromNewBrowser(PRIYA, 'Browser-A/1.0');
    expect(newDeviceMails(PRIYA)).toHaveLength(1);
    const inboxBefore = inboxOf('new_device_sign_in').length;

    const saved = await call('PUT', 'me/alert-preferences', priya, {
      preferences: [{ kind: 'new_device_sign_in', email: false, inbox: true }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.find((p: { kind: string }) => p.kind === 'new_device_sign_in')).toEqual({
      kind: 'new_device_sign_in',
      email: false,
      inbox: true,
      emailRequired: false,
    });
    await signInFromNewBrowser(PRIYA, 'Browser-B/1.0');
    expect(newDeviceMails(PRIYA)).toHaveLength(1); // no new e-mail
    expect(inboxOf('new_device_sign_in')).toHaveLength(inboxBefore + 1); // still in the portal

    await call('PUT', 'me/alert-preferences', priya, {
      preferences: [{ kind: 'new_device_sign_in', email: false, inbox: false }],
    });
    await signInFromNewBrowser(PRIYA, 'Browser-C/1.0');
    expect(newDeviceMails(PRIYA)).toHaveLength(1);
    expect(inboxOf('new_device_sign_in')).toHaveLength(inboxBefore + 1);

    // Another customer's alerts are untouched by Priya's choices.
    await logInAs(t, 'chris.walker@example.com', DEMO_PASSWORD);
    await signInFromNewBrowser('chris.walker@example.com', 'Browser-A/1.0');
    expect(newDeviceMails('chris.walker@example.com')).toHaveLength(1);
    expect(t.audit.of('alert_preferences.update').at(-1)?.details?.turnedOff).toBe(
      'new_device_sign_in:email,new_device_sign_in:inbox',
    );
  });

  it('critical e-mails cannot be turned off (422, nothing saved); their in-portal copy can', async () => {
    const priya = await logInAs(t, PRIYA, DEMO_PASSWORD);
    const refused = await call('PUT', 'me/alert-preferences', priya, {
      preferences: [
        { kind: 'too_many_failures', email: false, inbox: false },
        { kind: 'password_changed', email: false, inbox: true },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'alert_required',
      errors: [{ field: 'preferences.1.email', code: 'alert_required' }],
    });
    const after = (await call('GET', 'me/alert-preferences', priya)).json().data;
    expect(after.find((p: { kind: string }) => p.kind === 'too_many_failures')).toMatchObject({
      email: true,
    });

    await call('PUT', 'me/alert-preferences', priya, {
      preferences: [{ kind: 'password_changed', email: true, inbox: false }],
    });
    const inboxBefore = inboxOf('password_changed').length;
    const changed = await call('POST', 'me/security/password', priya, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Marigold lantern canyon 7',
    });
    expect(changed.statusCode).toBe(200);
    expect(t.mailer.to(PRIYA).at(-1)?.subject).toContain('Your password was changed');
    expect(inboxOf('password_changed')).toHaveLength(inboxBefore);
  });

  it('rejects unknown kinds and malformed bodies as field errors', async () => {
    const chris = await logInAs(t, 'chris.walker@example.com', DEMO_PASSWORD);
    const unknown = await call('PUT', 'me/alert-preferences', chris, {
      preferences: [{ kind: 'marketing', email: false, inbox: false }],
    });
    expect(unknown.statusCode).toBe(400);
    expect((await call('PUT', 'me/alert-preferences', chris, { preferences: [] })).statusCode).toBe(400);
  });
});
