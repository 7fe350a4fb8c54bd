import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY } from '../src/platform/throttle/throttle.ts';
import { cookieOf, sessionCookieOf, type TestApp, testApp, totpAt } from './support/app.ts';
import { countingCipher } from './support/counting-cipher.ts';

const { work, wrap: counting } = countingCipher();

let t: TestApp;
let jordanAccount: string;
let jordanVin: string;
beforeAll(async () => {
  t = await testApp({ wrapCipher: counting });
  const [row] = await t.db.database.query<{ account_number: string; vin: string }>(
    `select c.account_number, v.vin from contracts c join vehicles v on v.id = c.vehicle_id
     join customers p on p.id = c.customer_id where p.last_name = 'Ellis'`,
  );
  jordanAccount = row!.account_number;
  jordanVin = row!.vin;
});
afterAll(async () => t?.close());

const JORDAN = {
  firstName: 'Jordan',
  lastName: 'Ellis',
  dateOfBirth: '1990-07-04',
  zip: '92503',
  ssn: '219-09-9999',
};
const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/registration/${url}`,
    payload,
    headers: cookie ? { cookie } : {},
  });
const regCookie = (r: LightMyRequestResponse) => cookieOf(r, 'marque_registration');

describe('ASVS 6.3.8: identity matching answers the same, with the same work, whatever failed', () => {
  it('no record, wrong DOB, name, ZIP or contract: identical 422 bodies and identical hashing work', async () => {
    const attempts = [
      { ...JORDAN, ssn: '219-09-9998' }, // no such SSN
      { ...JORDAN, dateOfBirth: '1990-07-05' },
      { ...JORDAN, firstName: 'Jordana' },
      { ...JORDAN, zip: '92504' },
      { ...JORDAN, ssn: undefined, ssnLast4: '9999', accountNumber: '41000000000' }, // no such account
      { ...JORDAN, ssn: undefined, ssnLast4: '9998', accountNumber: jordanAccount },
    ];
    const bodies: string[] = [];
    const costs: string[] = [];
    for (const claim of attempts) {
      Object.assign(work, { blindIndex: 0, decrypt: 0, encrypt: 0 });
      const response = await post('verify-identity', claim);
      expect(response.statusCode).toBe(422);
      expect(response.cookies).toHaveLength(0);
      bodies.push(response.body);
      costs.push(JSON.stringify(work));
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ code: 'identity_not_verified' });
    // Every path: one blind index for the throttle, one for the lookup, one DOB decryption.
    expect(new Set(costs)).toEqual(new Set([JSON.stringify({ blindIndex: 2, decrypt: 1, encrypt: 0 })]));
    // A passing match costs the same before it opens the registration.
    Object.assign(work, { blindIndex: 0, decrypt: 0, encrypt: 0 });
    expect((await post('verify-identity', JORDAN)).statusCode).toBe(200);
    expect(work).toEqual({ blindIndex: 2, decrypt: 1, encrypt: 0 });
    expect(t.audit.of('registration.verify_identity').map((e) => e.outcome)).toContain('failure');
  });

  it('SSN last 4 with the account number or the VIN also proves identity', async () => {
    const { ssn: _ssn, ...rest } = JORDAN;
    expect(
      (await post('verify-identity', { ...rest, ssnLast4: '9999', accountNumber: jordanAccount })).statusCode,
    ).toBe(200);
    expect(
      (await post('verify-identity', { ...rest, ssnLast4: '9999', vin: jordanVin.toLowerCase() })).statusCode,
    ).toBe(200);
    const missing = await post('verify-identity', { ...rest, ssnLast4: '9999' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('accountNumber');
  });
});

describe('ASVS 2.3.1: registration steps run only in order', () => {
  it('credentials, e-mail code, TOTP and consents are refused without the steps before them', async () => {
    const steps: [string, object][] = [
      ['credentials', { email: 'jordan@example.net', password: 'quiet river stones' }],
      ['verify-email', { code: '123456' }],
      ['totp', {}],
      ['totp/confirm', { code: '123456' }],
      ['consents', { esign: true, privacyNotice: true }],
    ];
    for (const [step, body] of steps) {
      for (const cookie of [undefined, 'marque_registration=forged-token']) {
        const response = await post(step, body, cookie);
        expect(response.statusCode, step).toBe(409);
        expect(response.json().code).toBe('registration_step_required');
      }
    }
    // After identity only: e-mail verification, TOTP and consents are still refused.
    const reg = regCookie(await post('verify-identity', JORDAN));
    for (const [step, body] of steps.slice(1)) {
      expect((await post(step, body, reg)).statusCode, step).toBe(409);
    }
  });
});

describe('registration', () => {
  it('ASVS 8.2.3: a customer already registered cannot register again; mass-assigned fields are ignored', async () => {
    const maya = {
      firstName: 'Maya',
      lastName: 'Thompson',
      dateOfBirth: '1988-04-12',
      zip: '92501',
      ssn: '512347781',
    };
    const reg = regCookie(await post('verify-identity', { ...maya, role: 'admin', customerId: 1 }));
    const response = await post(
      'credentials',
      { email: 'maya2@example.net', password: 'quiet river stones' },
      reg,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('already_registered');
  });

  it('ASVS 6.2.1/6.2.4/6.2.11: the sign-up password must be long enough, uncommon and free of context words', async () => {
    const reg = regCookie(await post('verify-identity', JORDAN));
    for (const [password, code] of [
      ['short7!', 'too_short'],
      ['iloveyou1', 'too_common'],
      ['ellis-family-car', 'contains_context'],
    ]) {
      const response = await post('credentials', { email: 'jordan@example.net', password }, reg);
      expect(response.statusCode, password).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field: 'password', code });
    }
  });

  it('walks identity → credentials → e-mail → TOTP → consents, then signs in', async () => {
    const reg = regCookie(await post('verify-identity', JORDAN));
    const credentials = await post(
      'credentials',
      { email: 'Jordan.Ellis@example.net', password: 'quiet river stones', role: 'admin' },
      reg,
    );
    expect(credentials.json()).toEqual({ status: 'ok', next: 'verify_email' });
    // Not active yet: the password alone does not sign in.
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'jordan.ellis@example.net', password: 'quiet river stones' },
    });
    expect(early.statusCode).toBe(401);

    expect((await post('verify-email', { code: '000000' }, reg)).statusCode).toBe(400);
    const code = t.mailer.lastCode('jordan.ellis@example.net');
    expect((await post('verify-email', { code }, reg)).json()).toEqual({ status: 'ok', next: 'totp' });

    const totp = await post('totp', {}, reg);
    expect(totp.statusCode).toBe(200);
    const { secret, otpauthUri } = totp.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect((await post('totp/confirm', { code: '000000' }, reg)).statusCode).toBe(400);
    const confirmed = await post('totp/confirm', { code: await totpAt(t.now(), secret) }, reg);
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    const refused = await post('consents', { esign: false, privacyNotice: true }, reg);
    expect(refused.statusCode).toBe(400);
    const done = await post('consents', { esign: true, privacyNotice: true }, reg);
    expect(done.json()).toEqual({ status: 'authenticated' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: sessionCookieOf(done) },
    });
    expect(me.json()).toMatchObject({
      user: { email: 'jordan.ellis@example.net', role: 'customer' },
      customer: { firstName: 'Jordan', lastName: 'Ellis' },
    });
    const consents = await t.db.database.query<{ kind: string }>(
      'select kind from customer_consents order by kind',
    );
    expect(consents.map((c) => c.kind)).toEqual(['esign', 'privacy_notice']);
    // The registration is over: its cookie opens nothing any more.
    expect((await post('consents', { esign: true, privacyNotice: true }, reg)).statusCode).toBe(409);
  });
});

describe('ASVS 2.4.1: identity matching is rate-limited', () => {
  it('per person and per IP, with 429 and Retry-After', async () => {
    const a = await testApp({
      throttle: {
        ...DEFAULT_THROTTLE_POLICY,
        identity: {
          account: { max: 2, windowMs: 3_600_000 },
          ip: { max: 4, windowMs: 3_600_000 },
          global: { max: 100, windowMs: 3_600_000 },
        },
      },
    });
    try {
      const verify = (claim: object, remoteAddress: string) =>
        a.app.inject({
          method: 'POST',
          url: '/api/v1/registration/verify-identity',
          remoteAddress,
          payload: claim,
        });
      const wrong = { ...JORDAN, ssn: '219099990' };
      expect((await verify(wrong, '192.0.2.1')).statusCode).toBe(422);
      expect((await verify(wrong, '192.0.2.2')).statusCode).toBe(422);
      const person = await verify(JORDAN, '192.0.2.3');
      expect(person.statusCode).toBe(429);
      expect(person.headers['retry-after']).toBeDefined();
      for (const lastName of ['A', 'B'])
        expect((await verify({ ...wrong, lastName }, '192.0.2.9')).statusCode).toBe(422);
      expect((await verify({ ...wrong, lastName: 'C' }, '192.0.2.9')).statusCode).toBe(422);
      expect((await verify({ ...wrong, lastName: 'D' }, '192.0.2.9')).statusCode).toBe(422);
      expect((await verify({ ...wrong, lastName: 'E' }, '192.0.2.9')).statusCode).toBe(429);
    } finally {
      await a.close();
    }
  });
});
