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

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('device list', () => {
  it('ASVS 7.4.3: users list their sessions and sign one out; its cookie then gets 401', async () => {
    const phone = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const laptop = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
    const list = (await get('/api/v1/me/sessions', laptop)).json().data;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneSession = (await get('/api/v1/me/sessions', phone))
      .json()
      .data.find((s: { current: boolean }) => s.current);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneSession.id}`,
      headers: { cookie: laptop },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await get('/api/v1/me', phone)).statusCode).toBe(401);
    expect((await get('/api/v1/me', laptop)).statusCode).toBe(200);
  });

  it('a new browser signing in alerts the owner by e-mail and in the inbox', async () => {
    const before = t.inbox.notifications.length;
    t.setNow(new Date(t.now().getTime() + 30_000));
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'user-agent': 'NewBrowser/1.0' },
      payload: { email: 'maya.thompson@example.com', password: DEMO_PASSWORD },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp',
      headers: { cookie: preAuthCookieOf(login), 'user-agent': 'NewBrowser/1.0' },
      payload: { code: await totpAt(t.now()) },
    });
    const alert = t.inbox.notifications.slice(before).find((n) => n.kind === 'new_device_sign_in');
    expect(alert?.body).toContain('NewBrowser/1.0');
    expect(t.mailer.to('maya.thompson@example.com').at(-1)?.category).toBe('security_alert');
  });
});

describe('staff and dealer accounts', () => {
  it('ASVS 6.3.4: an invitation is a one-time, expiring link that ends in MFA before any session', async () => {
    const admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    const dealers = await t.db.database.query<{ public_id: string }>('select public_id from dealers');
    const invite = await post('/api/v1/ops/users/invitations', admin, {
      email: 'new.dealer@riverside.example',
      displayName: 'Riley Quinn',
      role: 'dealer_user',
      dealerId: dealers[0]?.public_id,
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ status: 'invited', role: 'dealer_user' });
    const mail = t.mailer.to('new.dealer@riverside.example').at(-1);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    const invitations = await t.db.database.query<{ token_hash: string }>(
      'select token_hash from invitations',
    );
    expect(invitations.map((i) => i.token_hash)).not.toContain(token);

    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: 'harbor lights at dusk' },
    });
    expect(accept.json()).toEqual({ status: 'mfa_enrolment_required' });
    expect(accept.cookies.find((c) => c.name === 'marque_session')).toBeUndefined();
    const preAuth = preAuthCookieOf(accept);
    expect((await get('/api/v1/me', preAuth)).statusCode).toBe(401);
    // One-time: the link does not work twice.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: 'harbor lights at dusk' },
    });
    expect(again.statusCode).toBe(401);

    const { secret } = (await post('/api/v1/auth/mfa/enrol/totp', preAuth)).json();
    const enrolled = await post('/api/v1/auth/mfa/enrol/totp/confirm', preAuth, {
      code: await totpAt(t.now(), secret),
    });
    expect(enrolled.statusCode).toBe(200);
    const me = (await get('/api/v1/me', sessionCookieOf(enrolled))).json();
    expect(me.user).toMatchObject({ email: 'new.dealer@riverside.example', role: 'dealer_user' });
  });

  it('an invitation expires after 72 hours', async () => {
    const admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    await post('/api/v1/ops/users/invitations', admin, {
      email: 'late@solenne.example',
      displayName: 'Lee Late',
      role: 'agent',
    });
    const token = /#token=([A-Za-z0-9_-]+)/.exec(t.mailer.to('late@solenne.example').at(-1)?.text ?? '')?.[1];
    const saved = t.now();
    t.setNow(new Date(saved.getTime() + 72 * 3600_000 + 1000));
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: 'harbor lights at dusk' },
    });
    expect(accept.statusCode).toBe(401);
    expect(accept.json().code).toBe('invitation_invalid');
    t.setNow(saved);
  });

  it('ASVS 7.4.2/7.4.5: disabling a user ends their sessions at once; admins can end one user’s sessions', async () => {
    const admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const users = (await get('/api/v1/ops/users?limit=200', admin)).json().data;
    const agentId = users.find((u: { email: string }) => u.email === 'agent@solenne.example').id;
    const supervisorId = users.find((u: { email: string }) => u.email === 'supervisor@solenne.example').id;

    const supervisor = await logInAs(t, 'supervisor@solenne.example', DEMO_PASSWORD);
    const ended = await post(`/api/v1/ops/users/${supervisorId}/sessions/revoke`, admin);
    expect(ended.json().revoked).toBeGreaterThanOrEqual(1);
    expect((await get('/api/v1/me', supervisor)).statusCode).toBe(401);

    expect((await get('/api/v1/me', agent)).statusCode).toBe(200);
    const disabled = await post(`/api/v1/ops/users/${agentId}/disable`, admin);
    expect(disabled.json().status).toBe('disabled');
    expect((await get('/api/v1/me', agent)).statusCode).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'agent@solenne.example', password: DEMO_PASSWORD },
    });
    expect(relogin.statusCode).toBe(401);
    expect(t.audit.of('user.disable')).toHaveLength(1);
    await post(`/api/v1/ops/users/${agentId}/enable`, admin);
    expect(await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD)).toMatch(/^marque_session=/);
  });

  it('ASVS 8.2.3: an invitation cannot make a customer, and staff cannot invite', async () => {
    const admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
    const customer = await post('/api/v1/ops/users/invitations', admin, {
      email: 'x@example.com',
      displayName: 'X',
      role: 'customer',
    });
    expect(customer.statusCode).toBe(400);
    const agent = await logInAs(t, 'supervisor@solenne.example', DEMO_PASSWORD);
    const denied = await post('/api/v1/ops/users/invitations', agent, {
      email: 'y@example.com',
      displayName: 'Y',
      role: 'admin',
    });
    expect(denied.statusCode).toBe(403);
    expect(t.audit.of('access.denied').at(-1)).toMatchObject({
      outcome: 'denied',
      details: { role: 'supervisor' },
    });
  });
});
