import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/index.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

let t: TestApp;
let admin: string;
let supervisor: string;
let agent: string;
let maya: string;
let mayaUser: { id: number; publicId: string };
let adminUser: { id: number; publicId: string };

async function userOf(email: string) {
  const [row] = await t.db.database.query<{ id: number; public_id: string }>(
    'select id, public_id from users where email = $1',
    [email],
  );
  if (!row) throw new Error(`no user ${email}`);
  return { id: row.id, publicId: row.public_id };
}

beforeAll(async () => {
  t = await testApp();
  admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
  supervisor = await logInAs(t, 'supervisor@solenne.example', DEMO_PASSWORD);
  agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  mayaUser = await userOf('maya.thompson@example.com');
  adminUser = await userOf('admin@solenne.example');
});
afterAll(async () => t?.close());

const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) } });

describe('ASVS 16.3.2: every 403 from the access guard is an access.denied audit event', () => {
  it('records who was refused what, from where, with the request id', async () => {
    const refusedAt = t.now().toISOString();
    const response = await get('/api/v1/ops/audit', maya, {
      'user-agent': 'Mozilla/5.0 (probe)',
      'x-request-id': 'req-denied-0001',
    });
    expect(response.statusCode).toBe(403);
    const page = (await get('/api/v1/ops/audit?action=access.denied', admin)).json();
    const denied = page.data.find((e: { requestId: string }) => e.requestId === 'req-denied-0001');
    expect(denied).toMatchObject({
      action: 'access.denied',
      outcome: 'denied',
      actor: { id: mayaUser.publicId, email: 'maya.thompson@example.com' },
      userAgent: 'Mozilla/5.0 (probe)',
      details: { method: 'GET', route: '/api/v1/ops/audit', role: 'customer' },
    });
    expect(denied.ip).toBeTruthy();
    expect(denied.occurredAt).toBe(refusedAt);
  });

  it('a customer on an ops route and staff on a customer route are both recorded', async () => {
    await get('/api/v1/accounts', agent, { 'x-request-id': 'req-denied-0002' });
    const page = (await get('/api/v1/ops/audit?action=access.denied&limit=200', admin)).json();
    expect(page.data.map((e: { requestId: string }) => e.requestId)).toContain('req-denied-0002');
  });
});

describe('GET /api/v1/ops/audit', () => {
  it('is for admins and supervisors only (ASVS 8.2.1)', async () => {
    expect((await get('/api/v1/ops/audit')).statusCode).toBe(401);
    expect((await get('/api/v1/ops/audit', maya)).statusCode).toBe(403);
    expect((await get('/api/v1/ops/audit', agent)).statusCode).toBe(403);
    expect((await get('/api/v1/ops/audit', supervisor)).statusCode).toBe(200);
    const response = await get('/api/v1/ops/audit', admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('lists newest first with opaque IDs and cursors; no sequential number leaves the server', async () => {
    for (let n = 0; n < 5; n++)
      await t.audit.record(t.db.database.db, {
        action: 'test.paging',
        outcome: 'success',
        actorUserId: adminUser.id,
        subjectUserId: mayaUser.id,
        details: { n },
      });
    const first = (await get('/api/v1/ops/audit?action=test.paging&limit=2', admin)).json();
    expect(first.data.map((e: { details: { n: number } }) => e.details.n)).toEqual([4, 3]);
    expect(first.data[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.data[0].subjectUserId).toBe(mayaUser.publicId);
    expect(first.nextCursor).toBe(first.data[1].id);
    const second = (
      await get(`/api/v1/ops/audit?action=test.paging&limit=2&cursor=${first.nextCursor}`, admin)
    ).json();
    expect(second.data.map((e: { details: { n: number } }) => e.details.n)).toEqual([2, 1]);
    const third = (
      await get(`/api/v1/ops/audit?action=test.paging&limit=2&cursor=${second.nextCursor}`, admin)
    ).json();
    expect(third.data.map((e: { details: { n: number } }) => e.details.n)).toEqual([0]);
    expect(third.nextCursor).toBeNull();
    expect(JSON.stringify([first, second, third])).not.toMatch(/"(id|actorUserId)":\s*\d/);
  });

  it('filters by actor (usr_ ID) and by time window', async () => {
    const byAdmin = (
      await get(`/api/v1/ops/audit?actorUserId=${adminUser.publicId}&limit=200`, admin)
    ).json();
    expect(byAdmin.data.length).toBeGreaterThanOrEqual(5);
    expect(byAdmin.data.every((e: { actor: { id: string } }) => e.actor.id === adminUser.publicId)).toBe(
      true,
    );
    const unknownUser = await get('/api/v1/ops/audit?actorUserId=usr_0000000000000000000000', admin);
    expect(unknownUser.json().data).toEqual([]);
    t.setNow(new Date('2026-11-25T09:00:00Z'));
    const audit = t.audit;
    await audit.record(t.db.database.db, { action: 'test.window', outcome: 'success' });
    t.setNow(new Date('2026-11-24T15:00:00Z'));
    const inside = await get(
      '/api/v1/ops/audit?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z&limit=200',
      admin,
    );
    expect(inside.json().data.map((e: { action: string }) => e.action)).toEqual(['test.window']);
    const before = await get('/api/v1/ops/audit?to=2026-11-25T00:00:00Z&limit=200', admin);
    expect(before.json().data.map((e: { action: string }) => e.action)).not.toContain('test.window');
  });

  it('rejects bad filters and unknown cursors with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['actorUserId=42', 'actorUserId'],
      ['from=yesterday', 'from'],
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ["action=x'%20or%201=1", 'action'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${'a'.repeat(64)}`, 'cursor'],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/api/v1/ops/audit?${query}`, admin);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].field, query).toBe(field);
    }
  });

  it('leaves the chain intact after all of the above', async () => {
    expect((await verifyAuditChain({ db: t.db.database.db })).ok).toBe(true);
  });

  it('is documented in the OpenAPI description, with the notification and outbox routes', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const [route, method] of [
      ['/api/v1/ops/audit', 'get'],
      ['/api/v1/ops/outbox', 'get'],
      ['/api/v1/ops/outbox/{messageId}', 'get'],
      ['/api/v1/me/notifications', 'get'],
      ['/api/v1/me/notifications/{notificationId}/read', 'post'],
      ['/api/v1/me/notifications/read-all', 'post'],
    ] as const) {
      expect(doc.paths[route]?.[method], `${method} ${route}`).toBeDefined();
    }
  });
});
