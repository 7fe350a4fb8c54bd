import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THROTTLE_POLICY } from '../src/platform/throttle/throttle.ts';
import { DEMO_CUSTOMERS } from '../src/seed/demo-data.ts';
import {
  DEMO_PASSWORD,
  logInAs,
  preAuthCookieOf,
  sessionCookieOf,
  type TestApp,
  testApp,
  totpAt,
} from './support/app.ts';
import { countingCipher } from './support/counting-cipher.ts';

const { work, wrap: counting } = countingCipher();

function person(key: string) {
  const c = DEMO_CUSTOMERS.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return {
    email: c.email,
    identity: {
      firstName: c.firstName,
      lastName: c.lastName,
      dateOfBirth: c.dob,
      zip: c.address.postalCode,
      ssn: c.ssn,
    },
  };
}
const MAYA = person('loan');
const DANIEL = person('lease');
const PRIYA = DEMO_CUSTOMERS.find((c) => c.email.startsWith('priya')) ?? DEMO_CUSTOMERS[2]!;
const NEW_PASSWORD = 'Lantern orchard pebble 42';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ wrapCipher: counting });
});
afterAll(async () => t?.close());

const post = (url: string, payload: object, cookie?: string, userAgent?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/${url}`,
    payload,
    headers: { ...(cookie ? { cookie } : {}), ...(userAgent ? { 'user-agent': userAgent } : {}) },
  });
const start = (body: object) => post('auth/recovery', body);
const codeFor = (email: string) => vi.waitFor(() => t.mailer.lastCode(email), { timeout: 3000 });
const mailTo = (email: string, category: string) => t.mailer.to(email).filter((m) => m.category === category);

/** Start, read the e-mailed code, verify it: the attempt token, ready for a new password. */
async function verifiedAttempt(who: typeof MAYA, lostAuthenticator = false): Promise<string> {
  const before = mailTo(who.email, 'account_recovery').length;
  const started = await start({ ...who, lostAuthenticator });
  expect(started.statusCode).toBe(202);
  await vi.waitFor(() => expect(mailTo(who.email, 'account_recovery').length).toBe(before + 1));
  const { attemptToken } = started.json();
  const verified = await post('auth/recovery/verify', { attemptToken, code: t.mailer.lastCode(who.email) });
  expect(verified.json()).toEqual({ status: 'code_verified' });
  return attemptToken;
}

describe('ASVS 6.3.8: recovery answers the same, with the same work, whether or not anything matched', () => {
  it('unknown e-mail, wrong facts, another customer, staff: one neutral answer, no code; a match: the same answer and a code', async () => {
    const attempts = [
      { ...MAYA, email: 'nobody@example.com' }, // no such account
      { ...MAYA, identity: { ...MAYA.identity, dateOfBirth: '1988-04-13' } }, // wrong DOB
      { ...MAYA, identity: { ...MAYA.identity, ssn: '512-34-7782' } }, // wrong SSN
      { ...DANIEL, email: MAYA.email }, // Daniel's facts, Maya's e-mail
      { ...MAYA, email: 'admin@solenne.example' }, // staff have no identity record
      { ...MAYA, email: DANIEL.email }, // Maya's facts, Daniel's e-mail
    ];
    const shapes = new Set<string>();
    const costs = new Set<string>();
    for (const claim of attempts) {
      Object.assign(work, { blindIndex: 0, decrypt: 0, encrypt: 0 });
      const response = await start(claim);
      expect(response.statusCode).toBe(202);
      const body = response.json();
      expect(body.attemptToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      shapes.add(JSON.stringify({ ...body, attemptToken: 'x' }));
      costs.add(JSON.stringify(work));
      expect(response.cookies).toHaveLength(0);
    }
    Object.assign(work, { blindIndex: 0, decrypt: 0, encrypt: 0 });
    const match = await start(MAYA);
    expect(match.statusCode).toBe(202);
    shapes.add(JSON.stringify({ ...match.json(), attemptToken: 'x' }));
    costs.add(JSON.stringify(work));
    expect(shapes).toEqual(
      new Set([JSON.stringify({ status: 'recovery_requested', attemptToken: 'x', expiresInSeconds: 900 })]),
    );
    // Throttle subject, identity lookup and code digest; one DOB decryption; on every path.
    expect(costs).toEqual(new Set([JSON.stringify({ blindIndex: 3, decrypt: 1, encrypt: 0 })]));

    const code = await codeFor(MAYA.email);
    expect(code).toMatch(/^\d{6}$/);
    for (const address of ['nobody@example.com', 'admin@solenne.example', DANIEL.email]) {
      expect(mailTo(address, 'account_recovery'), address).toEqual([]);
    }
    expect(mailTo(MAYA.email, 'account_recovery')).toHaveLength(1);
    const outcomes = t.audit.of('account_recovery.start').map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'failure')).toHaveLength(attempts.length);
    expect(outcomes.filter((o) => o === 'success')).toHaveLength(1);
    // The audit trail never holds the SSN or the code.
    expect(JSON.stringify(t.audit.events)).not.toContain(MAYA.identity.ssn.replace(/-/g, ''));
    expect(JSON.stringify(t.audit.events)).not.toContain(code);
  });

  it('a throwaway attempt token answers exactly like a wrong code', async () => {
    const fake = (await start({ ...MAYA, email: 'nobody@example.com' })).json().attemptToken;
    const unknown = await post('auth/recovery/verify', { attemptToken: fake, code: '123456' });
    const real = (await start(PRIYA_CLAIM())).json().attemptToken;
    await codeFor(PRIYA.email);
    const wrong = await post('auth/recovery/verify', { attemptToken: real, code: wrongCode(PRIYA.email) });
    expect(unknown.statusCode).toBe(422);
    expect(wrong.statusCode).toBe(422);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().code).toBe('invalid_code');
  });
});

function PRIYA_CLAIM() {
  return {
    email: PRIYA.email,
    identity: {
      firstName: PRIYA.firstName,
      lastName: PRIYA.lastName,
      dateOfBirth: PRIYA.dob,
      zip: PRIYA.address.postalCode,
      ssn: PRIYA.ssn,
    },
  };
}
function wrongCode(email: string): string {
  const right = t.mailer.lastCode(email);
  return right === '000000' ? '000001' : '000000';
}

describe('ASVS 6.6.2/6.6.3: the recovery code is bound to its attempt, expires and works once', () => {
  it('five wrong codes end the attempt, even for the right code after them', async () => {
    const { attemptToken } = (await start(PRIYA_CLAIM())).json();
    await vi.waitFor(() => expect(mailTo(PRIYA.email, 'account_recovery').length).toBeGreaterThan(1));
    const right = t.mailer.lastCode(PRIYA.email);
    for (let i = 0; i < 5; i++) {
      expect(
        (await post('auth/recovery/verify', { attemptToken, code: wrongCode(PRIYA.email) })).statusCode,
      ).toBe(422);
    }
    expect((await post('auth/recovery/verify', { attemptToken, code: right })).statusCode).toBe(422);
  });

  it('a code stops working after 15 minutes, and a newer attempt retires the older one', async () => {
    const first = (await start(PRIYA_CLAIM())).json().attemptToken;
    const firstCode = await vi.waitFor(() => {
      const mails = mailTo(PRIYA.email, 'account_recovery');
      expect(mails.length).toBe(3);
      return t.mailer.lastCode(PRIYA.email);
    });
    const second = (await start(PRIYA_CLAIM())).json().attemptToken;
    await vi.waitFor(() => expect(mailTo(PRIYA.email, 'account_recovery').length).toBe(4));
    expect((await post('auth/recovery/verify', { attemptToken: first, code: firstCode })).statusCode).toBe(
      422,
    );
    const secondCode = t.mailer.lastCode(PRIYA.email);
    const saved = t.now();
    t.setNow(new Date(saved.getTime() + 15 * 60_000 + 1000));
    expect((await post('auth/recovery/verify', { attemptToken: second, code: secondCode })).statusCode).toBe(
      422,
    );
    t.setNow(saved);
    expect((await post('auth/recovery/verify', { attemptToken: second, code: secondCode })).statusCode).toBe(
      200,
    );
  });

  it('the new password needs a verified code, and the attempt is used once', async () => {
    const { attemptToken } = (await start(PRIYA_CLAIM())).json();
    await vi.waitFor(() => expect(mailTo(PRIYA.email, 'account_recovery').length).toBe(5));
    const early = await post('auth/recovery/complete', { attemptToken, newPassword: NEW_PASSWORD });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('recovery_expired');
    await post('auth/recovery/verify', { attemptToken, code: t.mailer.lastCode(PRIYA.email) });
    // The password policy still applies; a refusal leaves the attempt open.
    const weak = await post('auth/recovery/complete', { attemptToken, newPassword: 'password1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const done = await post('auth/recovery/complete', { attemptToken, newPassword: NEW_PASSWORD });
    expect(done.json()).toEqual({ status: 'recovered', mfaEnrolmentRequired: false });
    const again = await post('auth/recovery/complete', { attemptToken, newPassword: `${NEW_PASSWORD}!` });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('recovery_expired');
  });
});

describe('ASVS 7.4.3: a recovery ends every session, forgets remembered devices, alerts and audits', () => {
  it('signs Maya out everywhere; the new password then still needs the second factor', async () => {
    const session = await logInAs(t, MAYA.email, DEMO_PASSWORD);
    // A remembered device that would otherwise skip the second factor.
    t.setNow(new Date(t.now().getTime() + 30_000));
    const pre = preAuthCookieOf(await post('auth/login', { email: MAYA.email, password: DEMO_PASSWORD }));
    const remembered = await post(
      'auth/mfa/totp',
      { code: await totpAt(t.now()), rememberDevice: true },
      pre,
    );
    const device = remembered.cookies.find((c) => c.name === 'marque_device');
    expect(device?.value).toBeTruthy();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode,
    ).toBe(200);

    const attemptToken = await verifiedAttempt(MAYA);
    const done = await post('auth/recovery/complete', { attemptToken, newPassword: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.cookies).toHaveLength(0); // no session: recovery never signs anyone in

    for (const cookie of [session, sessionCookieOf(remembered)]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
        401,
      );
    }
    expect((await post('auth/login', { email: MAYA.email, password: DEMO_PASSWORD })).statusCode).toBe(401);
    // The remembered device no longer skips MFA: the new password leads to the second factor.
    const next = await post(
      'auth/login',
      { email: MAYA.email, password: NEW_PASSWORD },
      `marque_device=${device?.value}`,
    );
    expect(next.json()).toMatchObject({ status: 'mfa_required' });

    const alert = mailTo(MAYA.email, 'security_alert').at(-1);
    expect(alert?.subject).toContain('Your account was recovered');
    expect(t.inbox.notifications.some((n) => n.kind === 'account_recovered')).toBe(true);
    const event = t.audit.of('account_recovery.complete').at(-1);
    expect(event).toMatchObject({ outcome: 'success', details: { authenticatorRemoved: false } });
    expect(Number(event?.details?.sessionsEnded)).toBeGreaterThanOrEqual(2);
  });
});

describe('ASVS 6.3.4/6.4.3: a lost authenticator is removed, and the next sign-in enrols one before any session', () => {
  it('Daniel recovers without his authenticator, then must set up a new one', async () => {
    // A passkey on the lost phone goes too.
    await t.db.database.query(
      `insert into passkeys (public_id, user_id, credential_id, public_key, name, device_type, created_at)
       select 'pk_lostphone0000000000000', id, 'lost-phone-credential', 'not-a-real-key', 'Lost phone', 'singleDevice', now()
         from users where email = $1`,
      [DANIEL.email],
    );
    const attemptToken = await verifiedAttempt(DANIEL, true);
    const done = await post('auth/recovery/complete', { attemptToken, newPassword: NEW_PASSWORD });
    expect(done.json()).toEqual({ status: 'recovered', mfaEnrolmentRequired: true });
    const [counts] = await t.db.database.query<{ totp: number; codes: number; passkeys: number }>(
      `select (select count(*)::int from totp_authenticators a join users u on u.id = a.user_id where u.email = $1) as totp,
              (select count(*)::int from recovery_codes r join users u on u.id = r.user_id where u.email = $1) as codes,
              (select count(*)::int from passkeys p join users u on u.id = p.user_id where u.email = $1) as passkeys`,
      [DANIEL.email],
    );
    expect(counts).toEqual({ totp: 0, codes: 0, passkeys: 0 });

    const login = await post('auth/login', { email: DANIEL.email, password: NEW_PASSWORD });
    expect(login.json()).toEqual({ status: 'mfa_enrolment_required' });
    const pre = preAuthCookieOf(login);
    // Only the enrolment endpoints answer: no session before the new authenticator.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: pre } })).statusCode,
    ).toBe(401);
    const enrolment = await post('auth/mfa/enrol/totp', {}, pre);
    const secret = enrolment.json().secret as string;
    const confirmed = await post('auth/mfa/enrol/totp/confirm', { code: await totpAt(t.now(), secret) }, pre);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    const alert = mailTo(DANIEL.email, 'security_alert').find((m) => m.subject.includes('recovered'));
    expect(alert?.text).toContain('authenticator app and recovery codes were removed');
  });
});

describe('ASVS 2.4.1: recovery is throttled per account, per IP and globally', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await testApp({ throttle: DEFAULT_THROTTLE_POLICY });
  });
  afterAll(async () => strict?.close());

  it('the sixth request for one address in an hour gets 429, matched or not', async () => {
    const ask = (body: object, ip: string) =>
      strict.app.inject({ method: 'POST', url: '/api/v1/auth/recovery', payload: body, remoteAddress: ip });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(MAYA, `203.0.113.${i + 1}`)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++)
      unknown.push((await ask({ ...MAYA, email: 'nobody@example.com' }, `198.51.100.${i + 1}`)).statusCode);
    expect(unknown).toEqual(statuses);
  });
});
