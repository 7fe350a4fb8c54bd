import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  logInAs,
  preAuthCookieOf,
  sessionCookieOf,
  type TestApp,
  testApp,
  totpAt,
} from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const post = (url: string, cookie: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${url}`, headers: { cookie }, payload });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const later = (minutes: number) => t.setNow(new Date(t.now().getTime() + minutes * 60_000));
async function stepUp(cookie: string): Promise<string> {
  later(0.5);
  const response = await post('auth/step-up', cookie, { method: 'totp', code: await totpAt(t.now()) });
  return sessionCookieOf(response);
}
async function userId(email: string): Promise<string> {
  const [row] = await t.db.database.query<{ public_id: string }>(
    'select public_id from users where email = $1',
    [email],
  );
  return row?.public_id ?? '';
}

describe("ASVS 7.4.5: an admin can end everyone's sessions", () => {
  it('needs a fresh step-up, then ends every session but the admin’s own, audited', async () => {
    const maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const otherAdminDevice = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    let admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    later(6);
    const refused = await post('ops/sessions/revoke-all', admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('step_up_required');
    expect((await me(maya)).statusCode).toBe(200);

    admin = await stepUp(admin);
    const done = await post('ops/sessions/revoke-all', admin);
    expect(done.statusCode).toBe(200);
    expect(done.json().revoked).toBeGreaterThanOrEqual(3);
    for (const cookie of [maya, agent, otherAdminDevice]) expect((await me(cookie)).statusCode).toBe(401);
    expect((await me(admin)).statusCode).toBe(200);
    expect(t.audit.of('session.revoke_all').at(-1)).toMatchObject({
      outcome: 'success',
      details: { revoked: done.json().revoked },
    });
  });
});

describe('ASVS 6.3.4: an admin resets a staff user’s access; the new setup link ends in MFA', () => {
  it('removes password and authenticator, ends sessions, and e-mails a one-time link with the token in the fragment', async () => {
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    const reset = await post(`ops/users/${await userId('agent@solenne.example')}/reset-access`, admin);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ email: 'agent@solenne.example', status: 'invited' });
    expect((await me(agent)).statusCode).toBe(401);
    const oldPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'agent@solenne.example', password: DEMO_PASSWORD },
    });
    expect(oldPassword.statusCode).toBe(401);

    const mail = t.mailer.to('agent@solenne.example').at(-1);
    expect(mail?.text).toContain('reset your access');
    expect(mail?.text).not.toMatch(/[?&]token=/);
    const token = /\/invitation#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: 'Quartz meadow lantern 9' },
    });
    expect(accept.json()).toEqual({ status: 'mfa_enrolment_required' });
    const preAuth = preAuthCookieOf(accept);
    const { secret } = (await post('auth/mfa/enrol/totp', preAuth)).json();
    const enrolled = await post('auth/mfa/enrol/totp/confirm', preAuth, {
      code: await totpAt(t.now(), secret),
    });
    expect(enrolled.statusCode).toBe(200);
    expect(t.audit.of('user.reset_access')).toHaveLength(1);
  });

  it('refuses customers (they self-recover), the admin themself, and needs a step-up', async () => {
    let admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    const customer = await post(`ops/users/${await userId('priya.shah@example.com')}/reset-access`, admin);
    expect(customer.statusCode).toBe(409);
    expect(customer.json().code).toBe('customer_self_recovery');
    const self = await post(`ops/users/${await userId('admin@solenne.example')}/reset-access`, admin);
    expect(self.json().code).toBe('cannot_reset_self');
    const missing = await post('ops/users/usr_0000000000000000000000/reset-access', admin);
    expect(missing.statusCode).toBe(404);
    later(6);
    const stale = await post(`ops/users/${await userId('analyst@solenne.example')}/reset-access`, admin);
    expect(stale.json().code).toBe('step_up_required');
    admin = await stepUp(admin);
    expect(
      (await post(`ops/users/${await userId('analyst@solenne.example')}/reset-access`, admin)).statusCode,
    ).toBe(200);
  });
});
