import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from '../src/platform/throttle/throttle.ts';
import { DEMO_PASSWORD, logInAs, passwordStep, type TestApp, testApp, totpAt } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const later = (seconds: number) => t.setNow(new Date(t.now().getTime() + seconds * 1000));
const login = (email: string, password: string, remoteAddress = '127.0.0.1', cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: cookie ? { cookie } : {},
    payload: { email, password },
  });
const post = (url: string, cookie: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

const LONG = 'correct horse battery staple '.repeat(5).slice(0, 127);

describe('passwords', () => {
  it('ASVS 11.4.2: passwords are argon2id with m=19456 KiB, t=2, p=1', async () => {
    const rows = await t.db.database.query<{ password_hash: string }>(
      'select password_hash from users limit 3',
    );
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('ASVS 6.2.8/6.2.9: a 128-character password works and nothing is truncated', async () => {
    const cookie = await logInAs(t, 'chris.walker@example.com', DEMO_PASSWORD);
    const password = `${LONG}Q`;
    expect([...password]).toHaveLength(128);
    const changed = await post('/api/v1/me/security/password', cookie, { newPassword: password });
    expect(changed.statusCode).toBe(200);
    expect((await login('chris.walker@example.com', password)).json().status).toBe('mfa_required');
    const lastCharChanged = await login('chris.walker@example.com', `${LONG}R`);
    expect(lastCharChanged.statusCode).toBe(401);
  });

  it('ASVS 6.2.3: changing the password needs the current one, or a step-up within 5 minutes', async () => {
    const email = 'daniel.reyes@example.com';
    const cookie = await logInAs(t, email, DEMO_PASSWORD);
    later(301);
    const without = await post('/api/v1/me/security/password', cookie, { newPassword: 'quiet river stones' });
    expect(without.statusCode).toBe(400);
    expect(without.json().errors[0]).toMatchObject({ field: 'currentPassword', code: 'incorrect' });
    const wrong = await post('/api/v1/me/security/password', cookie, {
      currentPassword: 'not-it-at-all',
      newPassword: 'quiet river stones',
    });
    expect(wrong.statusCode).toBe(400);
    // ASVS 6.2.4/6.2.11/6.2.12 at change: common and context passwords are refused.
    for (const newPassword of ['password123', 'daniel-reyes-2026']) {
      const refused = await post('/api/v1/me/security/password', cookie, {
        currentPassword: DEMO_PASSWORD,
        newPassword,
      });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json().errors[0].field).toBe('newPassword');
    }
    const other = await logInAs(t, email, DEMO_PASSWORD);
    const ok = await post('/api/v1/me/security/password', cookie, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'quiet river stones',
    });
    expect(ok.statusCode).toBe(200);
    // ASVS 7.5.2: the answer offers to sign the other sessions out.
    expect(ok.json()).toEqual({ status: 'password_changed', otherSessions: 1 });
    expect(t.mailer.to(email).some((m) => m.subject.includes('password was changed'))).toBe(true);
    expect(t.inbox.notifications.some((n) => n.kind === 'password_changed')).toBe(true);
    const revoke = await post('/api/v1/me/sessions/revoke-others', cookie);
    expect(revoke.json()).toEqual({ revoked: 1 });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: other } })).statusCode,
    ).toBe(401);
  });

  it('ASVS 6.3.8: a wrong password and an unknown account get the same answer', async () => {
    const wrong = await login('maya.thompson@example.com', 'not-the-password');
    const unknown = await login('nobody@example.com', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.headers['retry-after']).toBeUndefined();
  });
});

describe('ASVS 6.3.3: after the password step alone, only the MFA endpoints answer', () => {
  const roles = {
    customer: 'maya.thompson@example.com',
    dealer_user: 'dealer@riverside.example',
    dealer_admin: 'dealer.admin@riverside.example',
    underwriter: 'underwriter@solenne.example',
    agent: 'agent@solenne.example',
    supervisor: 'supervisor@solenne.example',
    analyst: 'analyst@solenne.example',
    admin: 'admin@solenne.example',
  };
  for (const [role, email] of Object.entries(roles)) {
    it(`for ${role}: every signed-in route answers 401 to the pre-auth cookie`, async () => {
      const preAuth = await passwordStep(t, email, DEMO_PASSWORD);
      const guarded = t.app.routeTable.filter((r) => r.access !== 'public');
      expect(guarded.length).toBeGreaterThan(10);
      for (const route of guarded) {
        const url = route.url.replace(/:(\w+)/g, 'x');
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: preAuth },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    });
  }
});

describe('ASVS 6.3.1: throttling repeated failures on one account', () => {
  it('rotating IPs still meet a progressive delay, which ends: the owner is not locked out for good', async () => {
    const email = 'priya.shah@example.com';
    for (let i = 1; i <= 5; i++) {
      expect((await login(email, `wrong-${i}-password`, `198.51.100.${i}`)).statusCode).toBe(401);
    }
    const delayed = await login(email, DEMO_PASSWORD, '198.51.100.99');
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    expect(t.inbox.notifications.some((n) => n.kind === 'too_many_failures')).toBe(true);
    later(Number(delayed.headers['retry-after']));
    expect((await login(email, DEMO_PASSWORD, '198.51.100.99')).json().status).toBe('mfa_required');
  });

  it("the owner's remembered device is exempt from the delay", async () => {
    const email = 'agent@solenne.example';
    later(30);
    const preAuth = await passwordStep(t, email, DEMO_PASSWORD);
    const remembered = await post('/api/v1/auth/mfa/totp', preAuth, {
      code: await totpAt(t.now()),
      rememberDevice: true,
    });
    const device = `marque_device=${remembered.cookies.find((c) => c.name === 'marque_device')?.value}`;
    for (let i = 1; i <= 6; i++) await login(email, `wrong-${i}-password`, `203.0.113.${i}`);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(429);
    expect((await login(email, DEMO_PASSWORD, '127.0.0.1', device)).json()).toEqual({
      status: 'authenticated',
    });
  });
});

describe('ASVS 2.4.1: rate limits per account, per IP (/64) and globally, in the database', () => {
  const tight = (limits: Partial<Record<'account' | 'ip' | 'global', number>>): ThrottlePolicy => ({
    ...DEFAULT_THROTTLE_POLICY,
    login: {
      account: { max: limits.account ?? 1000, windowMs: 60_000 },
      ip: { max: limits.ip ?? 1000, windowMs: 60_000 },
      global: { max: limits.global ?? 1000, windowMs: 60_000 },
    },
  });

  it('per account, per IPv6 /64 and globally, each with 429, rate_limited and Retry-After', async () => {
    const a = await testApp({ throttle: tight({ account: 3, ip: 5, global: 12 }) });
    try {
      const hit = (email: string, remoteAddress: string) =>
        a.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          payload: { email, password: 'x-y-z-w-v' },
        });
      // Per account: the 4th attempt on one e-mail, from four different IPs.
      for (let i = 1; i <= 3; i++)
        expect((await hit('one@example.com', `192.0.2.${i}`)).statusCode).toBe(401);
      const limited = await hit('one@example.com', '192.0.2.4');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Per IP, IPv6 counted per /64: different addresses and accounts in one /64 share a budget.
      for (let i = 1; i <= 5; i++)
        expect((await hit(`u${i}@example.com`, `2001:db8:0:1::${i}`)).statusCode).toBe(401);
      expect((await hit('u6@example.com', '2001:db8:0:1:ffff::6')).statusCode).toBe(429);
      expect((await hit('u7@example.com', '2001:db8:0:2::7')).statusCode).toBe(401);
      // Globally: the counters live in the database, shared by every process.
      const rows = await a.db.database.query<{ key: string }>(
        "select key from throttle_counters where key = 'login:global'",
      );
      expect(rows).toHaveLength(1);
      for (let i = 0; i < 5; i++) await hit(`g${i}@example.com`, `192.0.2.${100 + i}`);
      expect((await hit('fresh@example.com', '192.0.2.200')).statusCode).toBe(429);
      // The window passes and requests are served again.
      a.setNow(new Date(a.now().getTime() + 61_000));
      expect((await hit('fresh@example.com', '192.0.2.200')).statusCode).toBe(401);
    } finally {
      await a.close();
    }
  });
});
