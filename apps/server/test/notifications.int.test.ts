import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

let t: TestApp;
let maya: string;
let priya: string;
let agent: string;

async function userId(email: string): Promise<number> {
  const [row] = await t.db.database.query<{ id: number }>('select id from users where email = $1', [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

beforeAll(async () => {
  t = await testApp();
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  priya = await logInAs(t, 'priya.shah@example.com', DEMO_PASSWORD);
  agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
  const mayaId = await userId('maya.thompson@example.com');
  for (let n = 1; n <= 3; n++) {
    t.setNow(new Date(`2026-11-24T15:0${n}:00Z`));
    await t.inbox.add(t.db.database.db, {
      userId: mayaId,
      kind: n === 3 ? 'security_alert' : 'notice',
      title: `Maya ${n}`,
      body: `Body ${n}`,
    });
  }
  await t.inbox.add(t.db.database.db, {
    userId: await userId('priya.shah@example.com'),
    kind: 'notice',
    title: 'Priya 1',
    body: 'Body',
  });
  t.setNow(new Date('2026-11-24T15:10:00Z'));
});
afterAll(async () => t?.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, cookie?: string) =>
  t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {} });

describe('GET /api/v1/me/notifications', () => {
  it("lists only the signed-in user's notifications, newest first, with the unread count", async () => {
    const response = await get('/api/v1/me/notifications', maya);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.unreadCount).toBe(3);
    expect(body.nextCursor).toBeNull();
    expect(body.data.map((n: { title: string }) => n.title)).toEqual(['Maya 3', 'Maya 2', 'Maya 1']);
    expect(body.data[0]).toEqual({
      id: expect.stringMatching(/^ntf_[0-9A-Za-z]{22}$/),
      kind: 'security_alert',
      title: 'Maya 3',
      body: 'Body 3',
      link: null,
      createdAt: '2026-11-24T15:03:00.000Z',
      readAt: null,
    });
    const priyas = (await get('/api/v1/me/notifications', priya)).json();
    expect(priyas.data.map((n: { title: string }) => n.title)).toEqual(['Priya 1']);
    expect((await get('/api/v1/me/notifications', agent)).json()).toEqual({
      data: [],
      nextCursor: null,
      unreadCount: 0,
    });
  });

  it('pages with limit and cursor; a cursor from another user is refused', async () => {
    const first = (await get('/api/v1/me/notifications?limit=2', maya)).json();
    expect(first.data).toHaveLength(2);
    expect(first.unreadCount).toBe(3);
    const second = (await get(`/api/v1/me/notifications?limit=2&cursor=${first.nextCursor}`, maya)).json();
    expect(second.data.map((n: { title: string }) => n.title)).toEqual(['Maya 1']);
    expect(second.nextCursor).toBeNull();
    const foreign = await get(`/api/v1/me/notifications?cursor=${first.nextCursor}`, priya);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('cursor');
  });

  it('requires a session', async () => {
    expect((await get('/api/v1/me/notifications')).statusCode).toBe(401);
    const r = await post('/api/v1/me/notifications/read-all');
    expect(r.statusCode, r.body).toBe(401);
  });
});

describe('POST /api/v1/me/notifications/{notificationId}/read', () => {
  it('marks one read; doing it again keeps the first read time', async () => {
    const [latest] = (await get('/api/v1/me/notifications', maya)).json().data;
    const response = await post(`/api/v1/me/notifications/${latest.id}/read`, maya);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: latest.id, readAt: '2026-11-24T15:10:00.000Z' });
    t.setNow(new Date('2026-11-24T15:20:00Z'));
    const again = await post(`/api/v1/me/notifications/${latest.id}/read`, maya);
    expect(again.json().readAt).toBe('2026-11-24T15:10:00.000Z');
    expect((await get('/api/v1/me/notifications', maya)).json().unreadCount).toBe(2);
  });

  it("ASVS 8.2.2 (BOLA): another user's notification answers 404, like one that does not exist", async () => {
    const [mayas] = (await get('/api/v1/me/notifications', maya)).json().data.slice(1);
    const stolen = await post(`/api/v1/me/notifications/${mayas.id}/read`, priya);
    const missing = await post('/api/v1/me/notifications/ntf_0000000000000000000000/read', priya);
    expect(stolen.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(stolen.json()).toEqual(missing.json());
    const still = (await get('/api/v1/me/notifications', maya))
      .json()
      .data.find((n: { id: string }) => n.id === mayas.id);
    expect(still.readAt).toBeNull();
  });

  it('rejects a malformed ID with a 400 naming the field', async () => {
    const response = await post('/api/v1/me/notifications/42/read', maya);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('notificationId');
  });
});

describe('POST /api/v1/me/notifications/read-all', () => {
  it("marks every one of the user's unread notifications read, and nobody else's", async () => {
    const response = await post('/api/v1/me/notifications/read-all', maya);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ marked: 2, unreadCount: 0 });
    expect((await get('/api/v1/me/notifications', maya)).json().unreadCount).toBe(0);
    expect((await get('/api/v1/me/notifications', priya)).json().unreadCount).toBe(1);
    expect((await post('/api/v1/me/notifications/read-all', maya)).json()).toEqual({
      marked: 0,
      unreadCount: 0,
    });
  });
});

describe('NotificationInbox.add', () => {
  it('refuses a malformed kind or an empty title', async () => {
    const id = await userId('maya.thompson@example.com');
    await expect(
      t.inbox.add(t.db.database.db, { userId: id, kind: 'Security Alert', title: 'x', body: '' }),
    ).rejects.toThrow(/kind/);
    await expect(
      t.inbox.add(t.db.database.db, { userId: id, kind: 'notice', title: '  ', body: '' }),
    ).rejects.toThrow(/title/);
  });
});
