import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  logInAs,
  passwordStep,
  sessionCookieOf,
  type TestApp,
  testApp,
} from './support/app.ts';
import { passkeyClient } from './support/passkeys.ts';
import { SoftAuthenticator } from './support/soft-authenticator.ts';

/**
 * Passkeys (WebAuthn) over HTTP, with a software authenticator making real ES256 credentials, so
 * the server's real attestation and assertion verification runs. SECURITY.md: "Passkeys (WebAuthn
 * with user verification) count as MFA on their own", next to the ASVS checks named per test.
 */
let t: TestApp;
let pk: ReturnType<typeof passkeyClient>;
beforeAll(async () => {
  t = await testApp();
  pk = passkeyClient(t);
});
afterAll(async () => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const later = (seconds: number) => t.setNow(new Date(t.now().getTime() + seconds * 1000));
const signIn = (email: string) => logInAs(t, email, DEMO_PASSWORD);

describe('adding a passkey in the security centre', () => {
  it('registers a discoverable, user-verified passkey for this site, and alerts the owner', async () => {
    const maya = await signIn('maya.thompson@example.com');
    const options = (await pk.post('/api/v1/me/passkeys/options', maya)).json();
    // The relying party is PUBLIC_ORIGIN's host; the user handle is opaque (no e-mail, no row ID).
    expect(options.rp).toMatchObject({ id: 'localhost', name: expect.any(String) });
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    expect(options.attestation).toBe('none');
    expect(Buffer.from(options.user.id, 'base64url').toString()).toMatch(/^usr_/);
    expect(Buffer.from(options.challenge, 'base64url').length).toBeGreaterThanOrEqual(16);

    const credential = new SoftAuthenticator().register(options);
    const added = await pk.post('/api/v1/me/passkeys', maya, { name: 'My phone', credential });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      id: expect.stringMatching(/^pk_/),
      name: 'My phone',
      lastUsedAt: null,
    });

    const list = (await get('/api/v1/me/passkeys', maya)).json();
    expect(list.data.map((p: { name: string }) => p.name)).toEqual(['My phone']);
    const security = (await get('/api/v1/me/security', maya)).json();
    expect(security.methods.map((m: { type: string }) => m.type)).toContain('passkey');
    expect(t.audit.of('mfa.passkey.add').at(-1)).toMatchObject({ outcome: 'success' });
    expect(t.mailer.to('maya.thompson@example.com').at(-1)?.subject).toContain(
      'two-step verification changed',
    );
    expect(t.inbox.notifications.at(-1)?.kind).toBe('mfa_changed');
  });

  it('ASVS 7.5.1: adding or removing a passkey needs a step-up within the last 5 minutes', async () => {
    const daniel = await signIn('daniel.reyes@example.com');
    const { passkey } = await pk.add(daniel);
    later(6 * 60);
    for (const response of [
      await pk.post('/api/v1/me/passkeys/options', daniel),
      (await pk.register(daniel)).response,
      await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/passkeys/${passkey.id}`,
        headers: { cookie: daniel },
      }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('step_up_required');
    }
    expect((await get('/api/v1/me/passkeys', daniel)).json().data).toHaveLength(1);
  });

  it('refuses a credential made for another origin, without user verification, or for another challenge', async () => {
    const priya = await signIn('priya.shah@example.com');
    const refused = [
      await pk.register(priya, { tweaks: { origin: 'https://solenne-login.example' } }),
      await pk.register(priya, { tweaks: { userVerified: false } }),
      await pk.register(priya, { tweaks: { challenge: Buffer.alloc(32, 7).toString('base64url') } }),
      await pk.register(priya, { tweaks: { type: 'webauthn.get' } }),
    ];
    for (const { response } of refused) {
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('passkey_not_accepted');
    }
    expect((await get('/api/v1/me/passkeys', priya)).json().data).toEqual([]);
    expect(
      t.audit.of('mfa.passkey.add').filter((e) => e.outcome === 'failure').length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('a registration challenge is single-use and bound to the session that asked for it', async () => {
    const chris = await signIn('chris.walker@example.com');
    const other = await signIn('chris.walker@example.com');
    const options = (await pk.post('/api/v1/me/passkeys/options', chris)).json();
    const credential = new SoftAuthenticator().register(options);
    const fromOtherSession = await pk.post('/api/v1/me/passkeys', other, { credential });
    expect(fromOtherSession.statusCode).toBe(422);
    // The other session's attempt did not spend it; the owner's succeeds once, then never again.
    expect((await pk.post('/api/v1/me/passkeys', chris, { credential })).statusCode).toBe(201);
    expect((await pk.post('/api/v1/me/passkeys', chris, { credential })).statusCode).toBe(422);
  });
});

describe('signing in with a passkey, no e-mail or password', () => {
  it('SECURITY.md (passkeys count as MFA): a user-verified passkey signs in with a new session, audited', async () => {
    const cookie = await signIn('maya.thompson@example.com');
    const { authenticator } = await pk.add(cookie, 'Laptop');
    const { response } = await pk.signIn(authenticator);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'authenticated' });
    const session = sessionCookieOf(response);
    // ASVS 7.2.4: a token that never existed before the sign-in.
    expect(session).not.toBe(cookie);
    expect((await get('/api/v1/me', session)).json().user.email).toBe('maya.thompson@example.com');
    // The passkey cookie is spent with its challenge.
    expect(response.cookies.find((c) => c.name === 'marque_passkey')?.value).toBe('');
    // Its second factor is proved: sensitive changes need no further step-up for 5 minutes.
    expect((await pk.post('/api/v1/me/passkeys/options', session)).statusCode).toBe(200);
    expect(t.audit.of('auth.login').at(-1)).toMatchObject({
      outcome: 'success',
      details: { method: 'passkey' },
    });
    expect(t.audit.of('auth.mfa.passkey').at(-1)).toMatchObject({
      outcome: 'success',
      details: { purpose: 'sign_in' },
    });
    const list = (await get('/api/v1/me/passkeys', session)).json();
    expect(list.data.find((p: { name: string }) => p.name === 'Laptop').lastUsedAt).not.toBeNull();
  });

  it('ASVS 6.5.1: a passkey answer is accepted once; the replayed response is refused', async () => {
    const { authenticator } = await pk.add(await signIn('daniel.reyes@example.com'));
    const first = await pk.signIn(authenticator);
    expect(first.response.statusCode).toBe(200);
    const replay = await pk.post('/api/v1/auth/passkey/verify', first.browser, first.assertion);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('passkey_not_accepted');
    expect(replay.cookies.some((c) => c.name === 'marque_session' && c.value)).toBe(false);
  });

  it('a challenge answers only in the browser that asked for it (the passkey cookie)', async () => {
    const { authenticator } = await pk.add(await signIn('priya.shah@example.com'));
    const asked = await pk.post('/api/v1/auth/passkey/options', null);
    const elsewhere = await pk.post('/api/v1/auth/passkey/options', null);
    const assertion = authenticator.assert(asked.json());
    const stolen = await pk.post(
      '/api/v1/auth/passkey/verify',
      elsewhere.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      assertion,
    );
    expect(stolen.statusCode).toBe(401);
    const noCookie = await pk.post('/api/v1/auth/passkey/verify', null, assertion);
    expect(noCookie.statusCode).toBe(401);
  });

  it('refuses an assertion made for another origin (phishing), without user verification, or an expired challenge', async () => {
    const { authenticator } = await pk.add(await signIn('chris.walker@example.com'));
    const phished = await pk.signIn(authenticator, { origin: 'https://solenne-login.example' });
    expect(phished.response.statusCode).toBe(401);
    const unverified = await pk.signIn(authenticator, { userVerified: false });
    expect(unverified.response.statusCode).toBe(401);
    const started = await pk.post('/api/v1/auth/passkey/options', null);
    later(6 * 60);
    const expired = await pk.post(
      '/api/v1/auth/passkey/verify',
      started.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      authenticator.assert(started.json()),
    );
    expect(expired.statusCode).toBe(401);
    expect((await pk.signIn(authenticator)).response.statusCode).toBe(200);
  });

  it('refuses a signature counter that goes backwards (a cloned authenticator)', async () => {
    const { authenticator } = await pk.add(await signIn('maya.thompson@example.com'));
    const credential = authenticator.credentials[0];
    if (!credential) throw new Error('no credential');
    expect((await pk.signIn(authenticator, { credential, counter: 10 })).response.statusCode).toBe(200);
    const cloned = await pk.signIn(authenticator, { credential, counter: 9 });
    expect(cloned.response.statusCode).toBe(401);
    const same = await pk.signIn(authenticator, { credential, counter: 10 });
    expect(same.response.statusCode).toBe(401);
    expect((await pk.signIn(authenticator, { credential, counter: 11 })).response.statusCode).toBe(200);
  });

  it('an unknown passkey gets the same answer, audited without an account', async () => {
    const stranger = new SoftAuthenticator();
    stranger.register({
      challenge: 'AAAA',
      rp: { id: 'localhost', name: 'x' },
      user: { id: 'dXNyX3g', name: 'x', displayName: 'x' },
      pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
    });
    const { response } = await pk.signIn(stranger);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('passkey_not_accepted');
    expect(t.audit.of('auth.mfa.passkey').at(-1)).toMatchObject({
      outcome: 'failure',
      actorUserId: null,
      details: { reason: 'unknown_credential' },
    });
  });
});

describe('a passkey as the second factor after the password', () => {
  it('is offered first after the password, and signs in against the pre-auth cookie once', async () => {
    const cookie = await signIn('priya.shah@example.com');
    const { authenticator } = await pk.add(cookie);
    const own = (await get('/api/v1/me/passkeys', cookie)).json().data;
    later(30);
    const login = await pk.post('/api/v1/auth/login', null, {
      email: 'priya.shah@example.com',
      password: DEMO_PASSWORD,
    });
    expect(login.json()).toMatchObject({ status: 'mfa_required', methods: ['passkey', 'totp', 'email'] });
    const preAuth = await passwordStep(t, 'priya.shah@example.com', DEMO_PASSWORD);
    const options = (await pk.post('/api/v1/auth/mfa/passkey/options', preAuth)).json();
    // Exactly her own passkeys are allowed, the new one among them.
    expect(options.allowCredentials).toHaveLength(own.length);
    expect(options.allowCredentials.map((c: { id: string }) => c.id)).toContain(
      authenticator.credentials[0]?.id.toString('base64url'),
    );
    expect(options.userVerification).toBe('required');
    const response = await pk.post('/api/v1/auth/mfa/passkey/verify', preAuth, authenticator.assert(options));
    expect(response.statusCode).toBe(200);
    expect((await get('/api/v1/me', sessionCookieOf(response))).statusCode).toBe(200);
    expect(t.audit.of('auth.mfa.passkey').at(-1)).toMatchObject({
      outcome: 'success',
      details: { purpose: 'login' },
    });
    // One pre-auth challenge, one session.
    expect((await pk.secondFactor(preAuth, authenticator)).statusCode).toBe(401);
  });

  it("ASVS 6.3.3: only this user's passkey proves the pre-auth challenge, and without one there are no options", async () => {
    const { authenticator: chrisKey } = await pk.add(await signIn('chris.walker@example.com'));
    const preAuth = await passwordStep(t, 'priya.shah@example.com', DEMO_PASSWORD);
    const options = (await pk.post('/api/v1/auth/mfa/passkey/options', preAuth)).json();
    const credential = chrisKey.credentials[0];
    const wrongUser = await pk.post(
      '/api/v1/auth/mfa/passkey/verify',
      preAuth,
      chrisKey.assert({ ...options, allowCredentials: [] }, { ...(credential ? { credential } : {}) }),
    );
    expect(wrongUser.statusCode).toBe(401);
    const noPasskey = await passwordStep(t, 'agent@solenne.example', DEMO_PASSWORD);
    expect((await pk.post('/api/v1/auth/mfa/passkey/options', noPasskey)).json().code).toBe('no_passkey');
    expect((await pk.post('/api/v1/auth/mfa/passkey/options', null)).statusCode).toBe(401);
  });

  it('ASVS 6.3.1: failed passkey proofs share the second-factor failure delay and alert the owner', async () => {
    const cookie = await signIn('supervisor@solenne.example');
    const { authenticator } = await pk.add(cookie);
    const preAuth = () => passwordStep(t, 'supervisor@solenne.example', DEMO_PASSWORD);
    for (let i = 0; i < 5; i++) {
      const failed = await pk.secondFactor(await preAuth(), authenticator, {
        origin: 'https://evil.example',
      });
      expect(failed.statusCode).toBe(401);
    }
    expect(t.inbox.notifications.at(-1)?.kind).toBe('too_many_failures');
    const delayed = await pk.secondFactor(await preAuth(), authenticator);
    expect(delayed.statusCode).toBe(429);
    later(2);
    expect((await pk.secondFactor(await preAuth(), authenticator)).statusCode).toBe(200);
  });
});

describe('managing passkeys', () => {
  it("renames and removes one's own passkey; a removed passkey no longer signs in", async () => {
    const cookie = await signIn('analyst@solenne.example');
    const { authenticator, passkey } = await pk.add(cookie, 'Old name');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/me/passkeys/${passkey.id}`,
      headers: { cookie },
      payload: { name: 'Work laptop' },
    });
    expect(renamed.json().name).toBe('Work laptop');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/passkeys/${passkey.id}`,
      headers: { cookie },
    });
    expect(removed.statusCode).toBe(204);
    expect(t.audit.of('mfa.passkey.remove').at(-1)).toMatchObject({ outcome: 'success' });
    expect(t.mailer.to('analyst@solenne.example').at(-1)?.text).toContain('"Work laptop" was removed');
    expect((await pk.signIn(authenticator)).response.statusCode).toBe(401);
  });

  it("ASVS 8.2.2: another user's passkey ID answers 404, like a missing one, and stays", async () => {
    const owner = await signIn('underwriter@solenne.example');
    const { passkey } = await pk.add(owner);
    const attacker = await signIn('admin@solenne.example');
    for (const method of ['DELETE', 'PATCH'] as const) {
      const response = await t.app.inject({
        method,
        url: `/api/v1/me/passkeys/${passkey.id}`,
        headers: { cookie: attacker },
        ...(method === 'PATCH' ? { payload: { name: 'Mine now' } } : {}),
      });
      expect(response.statusCode).toBe(404);
    }
    expect((await get('/api/v1/me/passkeys', owner)).json().data).toMatchObject([{ name: passkey.name }]);
  });

  it('never removes the last second factor: the only passkey stays while no authenticator app is set', async () => {
    const cookie = await signIn('dealer@riverside.example');
    const { passkey } = await pk.add(cookie);
    await t.db.database.query(
      "delete from totp_authenticators where user_id = (select id from users where email = 'dealer@riverside.example')",
    );
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/passkeys/${passkey.id}`,
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('last_second_factor');
    // ASVS 6.6.1: with TOTP gone, the passkey is what keeps e-mail codes as a fallback.
    const login = await pk.post('/api/v1/auth/login', null, {
      email: 'dealer@riverside.example',
      password: DEMO_PASSWORD,
    });
    expect(login.json()).toMatchObject({ status: 'mfa_required', methods: ['passkey', 'email'] });
  });
});
