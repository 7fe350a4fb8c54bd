import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  logInAs,
  passwordStep,
  preAuthCookieOf,
  type TestApp,
  testApp,
  totpAt,
} from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const login = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object, headers });

describe('POST /api/v1/auth/login', () => {
  it('signs a customer in: password, then TOTP, then an opaque HttpOnly SameSite=Lax session cookie', async () => {
    const response = await login({ email: 'Maya.Thompson@example.com ', password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'mfa_required', methods: ['totp', 'email'] });
    expect(response.cookies.find((c) => c.name === 'marque_session')).toBeUndefined();
    const preAuth = response.cookies.find((c) => c.name === 'marque_preauth');
    expect(preAuth?.httpOnly).toBe(true);
    expect(preAuth?.maxAge).toBe(600);

    const mfa = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp',
      headers: { cookie: preAuthCookieOf(response) },
      payload: { code: await totpAt(t.now()) },
    });
    expect(mfa.statusCode).toBe(200);
    expect(mfa.json()).toEqual({ status: 'authenticated' });
    const cookie = mfa.cookies.find((c) => c.name === 'marque_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    // ASVS 7.2.3: at least 128 random bits, not a UUID; only the hash is stored.
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.database.query<{ token_hash: string }>('select token_hash from sessions');
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
    expect(t.audit.of('auth.login').at(-1)).toMatchObject({
      outcome: 'success',
      details: { method: 'totp' },
    });
  });

  it('answers a wrong password and an unknown e-mail with the same generic 401', async () => {
    const wrong = await login({ email: 'maya.thompson@example.com', password: 'not-the-password' });
    const unknown = await login({ email: 'nobody@example.com', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(wrong.cookies).toHaveLength(0);
  });

  it('names the missing or mistyped field in a 400 problem', async () => {
    const missing = await login({ email: 'maya.thompson@example.com' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'password' }] });

    const wrongType = await login({ email: 42, password: DEMO_PASSWORD });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('email');

    const notAnEmail = await login({ email: 'maya', password: DEMO_PASSWORD });
    expect(notAnEmail.json().errors[0]).toMatchObject({ field: 'email' });
  });

  it('rejects malformed JSON with a 400 problem, not a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "maya',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'malformed_json', errors: [{ field: 'body' }] });
  });

  it('rejects a form-encoded (classic cross-site form) POST with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a@b.c&password=x',
    });
    expect(response.statusCode).toBe(415);
  });

  it('ASVS 15.3.6: __proto__ in a JSON body changes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"maya.thompson@example.com","password":"${DEMO_PASSWORD}","__proto__":{"role":"admin"}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

describe('sessions', () => {
  it('GET /api/v1/me returns the signed-in user and customer', async () => {
    const cookie = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email: 'maya.thompson@example.com', role: 'customer', displayName: 'Maya Thompson' },
      customer: { firstName: 'Maya', lastName: 'Thompson' },
    });
    expect(response.json().user.id).toMatch(/^usr_/);
  });

  it('GET /api/v1/me without a session is a 401 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('ASVS 7.4.1: after logout, replaying the old cookie gets 401', async () => {
    const cookie = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'marque_session');
    expect(cleared?.value).toBe('');
    const replay = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('ASVS 7.3.1/7.3.2: a session ends after 30 idle minutes and after 12 hours, on the server', async () => {
    const cookie = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
    const start = t.now();
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    // Active every 29 minutes: still alive after 11.6 hours...
    for (let minutes = 29; minutes <= 29 * 24; minutes += 29) {
      t.setNow(new Date(start.getTime() + minutes * 60_000));
      expect((await me()).statusCode).toBe(200);
    }
    // ...but not past 12 hours, however active.
    t.setNow(new Date(start.getTime() + 12 * 3600_000));
    expect((await me()).statusCode).toBe(401);

    const idle = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
    const idleStart = t.now();
    t.setNow(new Date(idleStart.getTime() + 30 * 60_000));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: idle } })).statusCode,
    ).toBe(401);
  });

  it('ASVS 7.2.4: a new login issues a new token; the pre-auth token is never promoted', async () => {
    const preAuth = await passwordStep(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const first = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const second = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    expect(first).not.toBe(second);
    expect(first.split('=')[1]).not.toBe(preAuth.split('=')[1]);
  });
});
