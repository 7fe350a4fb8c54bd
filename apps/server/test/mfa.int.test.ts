import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  logInAs,
  passwordStep,
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
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const later = (seconds: number) => t.setNow(new Date(t.now().getTime() + seconds * 1000));

/** Signs in and creates recovery codes (with a step-up-fresh session), returning both. */
async function withRecoveryCodes(email: string): Promise<{ cookie: string; codes: string[] }> {
  const cookie = await logInAs(t, email, DEMO_PASSWORD);
  const response = await post('/api/v1/me/security/recovery-codes', cookie);
  expect(response.statusCode).toBe(200);
  return { cookie, codes: response.json().recoveryCodes };
}

describe('MFA at sign-in', () => {
  it('ASVS 6.5.1: a TOTP code is accepted once; the same code again in its window fails', async () => {
    later(30);
    const code = await totpAt(t.now());
    const first = await post(
      '/api/v1/auth/mfa/totp',
      await passwordStep(t, 'maya.thompson@example.com', DEMO_PASSWORD),
      {
        code,
      },
    );
    expect(first.statusCode).toBe(200);
    const replay = await post(
      '/api/v1/auth/mfa/totp',
      await passwordStep(t, 'maya.thompson@example.com', DEMO_PASSWORD),
      {
        code,
      },
    );
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'invalid_code' });
    expect(t.audit.of('auth.mfa.totp').at(-1)).toMatchObject({ outcome: 'failure' });
  });

  it('ASVS 6.5.1: a recovery code is accepted once', async () => {
    const { codes } = await withRecoveryCodes('daniel.reyes@example.com');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const preAuth = await passwordStep(t, 'daniel.reyes@example.com', DEMO_PASSWORD);
    const used = await post('/api/v1/auth/mfa/recovery', preAuth, { code: codes[0]!.toLowerCase() });
    expect(used.statusCode).toBe(200);
    const again = await post(
      '/api/v1/auth/mfa/recovery',
      await passwordStep(t, 'daniel.reyes@example.com', DEMO_PASSWORD),
      {
        code: codes[0],
      },
    );
    expect(again.statusCode).toBe(401);
    // The owner is told a recovery code was used, by e-mail and in the inbox.
    expect(
      t.mailer.to('daniel.reyes@example.com').some((m) => m.subject.includes('recovery code was used')),
    ).toBe(true);
    expect(t.inbox.notifications.some((n) => n.kind === 'recovery_code_used')).toBe(true);
  });

  it('ASVS 6.5.2/6.5.3: recovery codes are stored as salted argon2id hashes; TOTP seeds encrypted', async () => {
    const { codes } = await withRecoveryCodes('chris.walker@example.com');
    const rows = await t.db.database.query<{ code_hash: string }>('select code_hash from recovery_codes');
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(row.code_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      for (const code of codes) expect(row.code_hash).not.toContain(code);
    }
    const seeds = await t.db.database.query<{ secret_enc: string }>(
      'select secret_enc from totp_authenticators',
    );
    for (const seed of seeds) {
      expect(seed.secret_enc).toMatch(/^v1\./);
      expect(seed.secret_enc).not.toContain(DEMO_TOTP_SECRET);
    }
  });

  it('ASVS 6.5.5/6.6.2/6.6.3: an e-mailed code works once, for its own challenge only, for 10 minutes', async () => {
    const email = 'priya.shah@example.com';
    const first = await passwordStep(t, email, DEMO_PASSWORD);
    const sent = await post('/api/v1/auth/mfa/email/send', first);
    expect(sent.json()).toEqual({ status: 'code_sent', expiresInSeconds: 600 });
    const code = t.mailer.lastCode(email);
    expect(t.mailer.to(email).at(-1)?.category).toBe('mfa_code');

    // Bound to its challenge: another sign-in attempt cannot use it.
    const other = await passwordStep(t, email, DEMO_PASSWORD);
    expect((await post('/api/v1/auth/mfa/email', other, { code })).statusCode).toBe(401);

    // Expired after 10 minutes (a fresh pre-auth would be needed anyway: it also lives 10 minutes).
    later(601);
    expect((await post('/api/v1/auth/mfa/email', first, { code })).statusCode).toBe(401);

    const third = await passwordStep(t, email, DEMO_PASSWORD);
    await post('/api/v1/auth/mfa/email/send', third);
    const fresh = t.mailer.lastCode(email);
    const ok = await post('/api/v1/auth/mfa/email', third, { code: fresh });
    expect(ok.statusCode).toBe(200);
    expect((await post('/api/v1/auth/mfa/email', third, { code: fresh })).statusCode).toBe(401);
  });

  it('ASVS 6.6.3: five wrong codes close the challenge, even for the right code after', async () => {
    const email = 'admin@solenne.example';
    const preAuth = await passwordStep(t, email, DEMO_PASSWORD);
    await post('/api/v1/auth/mfa/email/send', preAuth);
    const code = t.mailer.lastCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await post('/api/v1/auth/mfa/email', preAuth, { code: wrong })).statusCode).toBe(401);
    // The fifth failure in a row also alerts the owner (ASVS 6.3.1 alerting).
    expect(t.inbox.notifications.some((n) => n.kind === 'too_many_failures')).toBe(true);
    const after = await post('/api/v1/auth/mfa/email', preAuth, { code });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('mfa_challenge_expired');
  });

  it('ASVS 6.6.1: the e-mail code is only a fallback: offered beside TOTP, never alone', async () => {
    await t.db.database.query(
      `insert into users (public_id, email, password_hash, role, display_name)
       select 'usr_nomfa0000000000000000', 'nomfa@solenne.example', password_hash, 'agent', 'No MFA'
       from users where email = 'agent@solenne.example'`,
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nomfa@solenne.example', password: DEMO_PASSWORD },
    });
    expect(response.json()).toEqual({ status: 'mfa_enrolment_required' });
    const preAuth = `marque_preauth=${response.cookies.find((c) => c.name === 'marque_preauth')?.value}`;
    // The e-mail fallback does not exist for a user without an authenticator...
    expect((await post('/api/v1/auth/mfa/email/send', preAuth)).statusCode).toBe(401);
    // ...who must enrol TOTP before any session exists (GLBA 314.4(c)(5)).
    const enrol = await post('/api/v1/auth/mfa/enrol/totp', preAuth);
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const done = await post('/api/v1/auth/mfa/enrol/totp/confirm', preAuth, {
      code: await totpAt(t.now(), secret),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect((await get('/api/v1/me', sessionCookieOf(done))).statusCode).toBe(200);
  });

  it('"remember this device" skips MFA on that browser only, for at most 30 days', async () => {
    const email = 'analyst@solenne.example';
    later(30);
    const preAuth = await passwordStep(t, email, DEMO_PASSWORD);
    const response = await post('/api/v1/auth/mfa/totp', preAuth, {
      code: await totpAt(t.now()),
      rememberDevice: true,
    });
    const device = response.cookies.find((c) => c.name === 'marque_device');
    expect(device?.httpOnly).toBe(true);
    expect(device?.maxAge).toBe(30 * 24 * 3600);
    const withDevice = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `marque_device=${device?.value}` },
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(withDevice.json()).toEqual({ status: 'authenticated' });
    // Not for another account...
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `marque_device=${device?.value}` },
      payload: { email: 'agent@solenne.example', password: DEMO_PASSWORD },
    });
    expect(other.json().status).toBe('mfa_required');
    // ...and not after 30 days.
    const saved = t.now();
    later(30 * 24 * 3600 + 1);
    const expired = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `marque_device=${device?.value}` },
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(expired.json().status).toBe('mfa_required');
    t.setNow(saved);
  });
});

describe('step-up', () => {
  it('ASVS 7.5.1: MFA changes need a second factor within 5 minutes; step-up rotates the token (7.2.4)', async () => {
    const cookie = await logInAs(t, 'supervisor@solenne.example', DEMO_PASSWORD);
    later(5 * 60 + 1);
    const refused = await post('/api/v1/me/security/recovery-codes', cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('step_up_required');

    const wrong = await post('/api/v1/auth/step-up', cookie, { method: 'totp', code: '000000' });
    expect(wrong.statusCode).toBe(422);
    const stepUp = await post('/api/v1/auth/step-up', cookie, {
      method: 'totp',
      code: await totpAt(t.now()),
    });
    expect(stepUp.statusCode).toBe(200);
    const rotated = sessionCookieOf(stepUp);
    expect(rotated).not.toBe(cookie);
    expect((await get('/api/v1/me', cookie)).statusCode).toBe(401);
    expect((await post('/api/v1/me/security/recovery-codes', rotated)).statusCode).toBe(200);
    expect(t.audit.of('auth.step_up').at(-1)).toMatchObject({ outcome: 'success' });
  });

  it('step-up by e-mailed code works too', async () => {
    const cookie = await logInAs(t, 'underwriter@solenne.example', DEMO_PASSWORD);
    later(301);
    await post('/api/v1/auth/step-up/email/send', cookie);
    const code = t.mailer.lastCode('underwriter@solenne.example');
    const response = await post('/api/v1/auth/step-up', cookie, { method: 'email', code });
    expect(response.statusCode).toBe(200);
  });

  it('security centre: re-enrolling TOTP replaces the authenticator and alerts the owner', async () => {
    const email = 'dealer.admin@riverside.example';
    const cookie = await logInAs(t, email, DEMO_PASSWORD);
    const start = await post('/api/v1/me/security/totp', cookie);
    expect(start.statusCode).toBe(200);
    const { secret } = start.json();
    expect(secret).not.toBe(DEMO_TOTP_SECRET);
    later(30);
    const confirm = await post('/api/v1/me/security/totp/confirm', cookie, {
      code: await totpAt(t.now(), secret),
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    expect(t.inbox.notifications.some((n) => n.kind === 'mfa_changed')).toBe(true);
    expect(t.mailer.to(email).some((m) => m.category === 'security_alert')).toBe(true);
    // The old secret no longer signs in; the new one does.
    later(30);
    const old = await post('/api/v1/auth/mfa/totp', await passwordStep(t, email, DEMO_PASSWORD), {
      code: await totpAt(t.now()),
    });
    expect(old.statusCode).toBe(401);
    expect(await logInAs(t, email, DEMO_PASSWORD, secret)).toMatch(/^marque_session=/);
    const security = (await get('/api/v1/me/security', cookie)).json();
    expect(security.methods.map((m: { type: string }) => m.type)).toEqual(['totp', 'recovery_code', 'email']);
    expect(security.loginHistory.length).toBeGreaterThan(0);
  });
});
