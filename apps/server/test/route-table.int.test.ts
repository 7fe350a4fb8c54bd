import type { Role } from '@marque/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * ASVS 8.2.1: every route declares the roles it admits (the server refuses to start otherwise),
 * and a session of every other role gets 403 — tested for every role against every route, from
 * the route table the server builds as routes register.
 */
const DEMO_LOGIN: Record<Role, string> = {
  customer: 'maya.thompson@example.com',
  dealer_user: 'dealer@riverside.example',
  dealer_admin: 'dealer.admin@riverside.example',
  underwriter: 'underwriter@solenne.example',
  agent: 'agent@solenne.example',
  supervisor: 'supervisor@solenne.example',
  analyst: 'analyst@solenne.example',
  admin: 'admin@solenne.example',
};
const ROLES = Object.keys(DEMO_LOGIN) as Role[];
const STAFF: Role[] = ['underwriter', 'agent', 'supervisor', 'analyst', 'admin'];

/** Routes anyone may call. A new public route must be added here on purpose. */
const PUBLIC_ROUTES = [
  'GET /api/v1/health',
  'GET /api/v1/ready',
  'GET /api/v1/brand',
  'GET /api/v1/brand/logo.svg',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/mfa/totp',
  'POST /api/v1/auth/mfa/recovery',
  'POST /api/v1/auth/mfa/email',
  'POST /api/v1/auth/mfa/email/send',
  'POST /api/v1/auth/mfa/enrol/totp',
  'POST /api/v1/auth/mfa/enrol/totp/confirm',
  'POST /api/v1/auth/passkey/options',
  'POST /api/v1/auth/passkey/verify',
  'POST /api/v1/auth/mfa/passkey/options',
  'POST /api/v1/auth/mfa/passkey/verify',
  'POST /api/v1/invitations/accept',
  'POST /api/v1/registration/verify-identity',
  'POST /api/v1/registration/credentials',
  'POST /api/v1/registration/verify-email/resend',
  'POST /api/v1/registration/verify-email',
  'POST /api/v1/registration/totp',
  'POST /api/v1/registration/totp/confirm',
  'POST /api/v1/registration/consents',
  'POST /api/v1/auth/recovery',
  'POST /api/v1/auth/recovery/verify',
  'POST /api/v1/auth/recovery/complete',
  'POST /api/v1/calculators/loan',
  'POST /api/v1/calculators/lease',
  'POST /api/v1/calculators/buy-vs-lease',
  'POST /api/v1/calculators/affordability',
];

let t: TestApp;
const cookies = {} as Record<Role, string>;
beforeAll(async () => {
  t = await testApp();
  for (const role of ROLES) cookies[role] = await logInAs(t, DEMO_LOGIN[role], DEMO_PASSWORD);
});
afterAll(async () => t?.close());

describe('ASVS 8.2.1: the route table', () => {
  it('lists only deliberate public routes', () => {
    const publicRoutes = t.app.routeTable
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.filter((r) => !PUBLIC_ROUTES.includes(r))).toEqual([]);
  });

  it('keeps the document centre for customers only', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/documents'));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/v1/documents',
      'GET /api/v1/documents/:documentId',
      'GET /api/v1/documents/:documentId/file',
    ]);
    for (const route of routes)
      expect(route.access === 'public' ? [] : route.access.roles).toEqual(['customer']);
  });

  it('keeps ops routes for staff and dealer routes for dealers', () => {
    for (const route of t.app.routeTable) {
      if (route.access === 'public') continue;
      if (route.url.startsWith('/api/v1/ops/')) {
        expect(
          route.access.roles.every((r) => STAFF.includes(r)),
          route.url,
        ).toBe(true);
      }
      if (route.url.startsWith('/api/v1/dealer/')) {
        expect(
          route.access.roles.every((r) => r === 'dealer_user' || r === 'dealer_admin'),
          route.url,
        ).toBe(true);
      }
    }
  });

  for (const role of ROLES) {
    it(`${role}: 403 on every route that does not admit ${role}, and never 403 where admitted`, async () => {
      let denied = 0;
      for (const route of t.app.routeTable) {
        if (route.access === 'public') continue;
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:(\w+)/g, 'x'),
          headers: { cookie: cookies[role] },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const label = `${role} ${route.method} ${route.url}`;
        if (route.access.roles.includes(role)) {
          expect(response.statusCode, label).not.toBe(401);
          expect(response.statusCode === 403 ? response.json().code : 'ok', label).not.toBe('forbidden');
        } else {
          denied++;
          expect(response.statusCode, label).toBe(403);
          expect(response.json().code, label).toBe('forbidden');
        }
      }
      if (role !== 'admin') expect(denied).toBeGreaterThan(0);
    });
  }

  it('every 403 is audited', () => {
    const denials = t.audit.of('access.denied');
    expect(denials.length).toBeGreaterThan(10);
    expect(denials[0]).toMatchObject({
      outcome: 'denied',
      ip: expect.any(String),
      requestId: expect.any(String),
    });
  });
});
