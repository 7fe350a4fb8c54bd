import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * What the ops Users page needs beyond the invitation and disable tests in sessions.int.test.ts:
 * the list filtered by role (one or several) and status, and the dealerships to choose from when
 * inviting a dealer user.
 */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  admin = await logInAs(t, 'admin@solenne.example', DEMO_PASSWORD);
});
afterAll(async () => t?.close());

type Row = { email: string; role: string; status: string };
const list = async (query: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/ops/users?${query}`,
    headers: { cookie: admin },
  });
  return { status: res.statusCode, rows: (res.json().data ?? []) as Row[], body: res.json() };
};

describe('ops user list filters', () => {
  it('lists one role, several roles, or one status', async () => {
    const agents = await list('role=agent');
    expect(agents.rows.map((u) => u.email)).toEqual(['agent@solenne.example']);

    const dealerUsers = await list('role=dealer_user&role=dealer_admin&limit=200');
    expect(dealerUsers.rows.map((u) => u.email).sort()).toEqual([
      'dealer.admin@riverside.example',
      'dealer@riverside.example',
    ]);

    const everyone = await list('limit=200');
    expect(everyone.rows.some((u) => u.role === 'customer')).toBe(true);
    const staff = await list(
      'role=dealer_user&role=dealer_admin&role=underwriter&role=agent&role=supervisor&role=analyst&role=admin&limit=200',
    );
    expect(staff.rows.length).toBeGreaterThanOrEqual(7);
    expect(staff.rows.every((u) => u.role !== 'customer')).toBe(true);

    await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/users/invitations',
      headers: { cookie: admin },
      payload: { email: 'filter.me@solenne.example', displayName: 'Pat Filter', role: 'analyst' },
    });
    const invited = await list('status=invited');
    expect(invited.rows.map((u) => u.email)).toEqual(['filter.me@solenne.example']);
    expect((await list('status=invited&role=agent')).rows).toEqual([]);
  });

  it('pages through a filtered list with the cursor', async () => {
    const first = await list('role=customer&limit=2');
    expect(first.rows).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`role=customer&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.rows.every((u) => u.role === 'customer')).toBe(true);
    expect(second.rows.map((u) => u.email)).not.toContain(first.rows[0]?.email);
  });

  it('refuses an unknown role or status with a 400 naming the field', async () => {
    const role = await list('role=owner');
    expect(role.status).toBe(400);
    expect(JSON.stringify(role.body.errors)).toContain('role');
    expect((await list('status=gone')).status).toBe(400);
  });
});

describe('dealer list for invitations', () => {
  it('gives admins the dealerships with their public ids; other staff get 403', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/ops/dealers', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const [dealer] = res.json().data;
    expect(dealer).toMatchObject({ name: 'Solenne of Riverside', city: 'Riverside' });
    expect(dealer.id).toMatch(/^dlr_/);
    expect(Object.keys(dealer).sort()).toEqual(['city', 'code', 'id', 'name', 'state']);

    // The id is what an invitation of a dealer user takes.
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/users/invitations',
      headers: { cookie: admin },
      payload: {
        email: 'desk@riverside.example',
        displayName: 'Dana Desk',
        role: 'dealer_user',
        dealerId: dealer.id,
      },
    });
    expect(invite.statusCode).toBe(201);

    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ops/dealers',
      headers: { cookie: agent },
    });
    expect(denied.statusCode).toBe(403);
  });
});
