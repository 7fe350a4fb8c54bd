import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PASSWORD, logInAs, type TestApp } from './app.ts';
import { passkeyClient } from './passkeys.ts';

/**
 * The shared BOLA harness (ASVS 8.2.2). Every API route whose path takes an ID must appear in
 * BOLA_CASES: either a case that proves another owner's ID answers 404 (exactly like an ID that
 * does not exist), or an explicit exemption with its reason. test/bola.int.test.ts fails for any
 * route with a path parameter that has neither, so a new route cannot forget it.
 */
export interface BolaRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** URL with the victim's ID in it. */
  victimUrl: string;
  /** The same URL with a well-formed ID that does not exist. */
  missingUrl: string;
  /** The attacker's session cookie: a user of the same role who does not own the resource. */
  attacker: string;
  payload?: object;
  /** Extra request headers (an Idempotency-Key on money-moving POSTs). */
  headers?: Record<string, string>;
  /** Checked after the attempt: the victim's resource is unchanged. */
  unchanged?: () => Promise<void>;
}

export type BolaCase =
  | { route: string; prepare: (t: TestApp, users: SignIn) => Promise<BolaRequest> }
  | { route: string; exempt: string };

export type SignIn = (email: string) => Promise<string>;

export function signIn(t: TestApp): SignIn {
  return (email) => logInAs(t, email, DEMO_PASSWORD);
}

/** "METHOD /path/:param" for every /api/v1 route whose path takes an ID. */
export function routesWithIds(app: FastifyInstance): string[] {
  return app.routeTable.filter((r) => r.url.includes(':')).map((r) => `${r.method} ${r.url}`);
}

const get = (t: TestApp, url: string, cookie: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie } });

const ADMIN_SCOPE =
  'lender-wide administration: every user belongs to the one lender and only the admin role may call it ' +
  '(proved for every role by test/route-table.int.test.ts)';

/** Maya's first account as the victim, Priya (another customer) as the attacker. */
async function mayasAccount(t: TestApp, as: SignIn) {
  const maya = await as('maya.thompson@example.com');
  const [account] = (await get(t, '/api/v1/accounts', maya)).json().data;
  const priya = await as('priya.shah@example.com');
  const [priyasMethod] = (await get(t, '/api/v1/payment-methods', priya)).json().data;
  return { maya, account, priya, priyasMethod };
}

const MISSING_ACCOUNT = 'ctr_0000000000000000000000';

/** Routes under /api/v1/accounts/:accountId that read or act on the whole account. */
function accountCase(
  method: BolaRequest['method'],
  suffix: string,
  extra: (ctx: Awaited<ReturnType<typeof mayasAccount>>) => Partial<BolaRequest> = () => ({}),
): BolaCase {
  return {
    route: `${method} /api/v1/accounts/:accountId${suffix}`,
    async prepare(t, as) {
      const ctx = await mayasAccount(t, as);
      return {
        method,
        victimUrl: `/api/v1/accounts/${ctx.account.id}${suffix}`,
        missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}${suffix}`,
        attacker: ctx.priya,
        ...extra(ctx),
      };
    },
  };
}

/** Routes under /api/v1/accounts/:accountId/lease: Daniel's lease as the victim, Priya (also a lessee) attacks. */
function leaseCase(method: BolaRequest['method'], suffix: string, payload?: object): BolaCase {
  return {
    route: `${method} /api/v1/accounts/:accountId/lease${suffix}`,
    async prepare(t, as) {
      const daniel = await as('daniel.reyes@example.com');
      const [account] = (await get(t, '/api/v1/accounts', daniel)).json().data;
      const mileage = () =>
        get(t, `/api/v1/accounts/${account.id}/lease/mileage`, daniel).then((r) => r.json());
      const inspections = () =>
        get(t, `/api/v1/accounts/${account.id}/lease/inspection`, daniel).then((r) => r.json().data.length);
      const before = { readings: (await mileage()).readings.length, inspections: await inspections() };
      return {
        method,
        victimUrl: `/api/v1/accounts/${account.id}/lease${suffix}`,
        missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}/lease${suffix}`,
        attacker: await as('priya.shah@example.com'),
        ...(payload ? { payload } : {}),
        async unchanged() {
          expect((await mileage()).readings.length).toBe(before.readings);
          expect(await inspections()).toBe(before.inspections);
        },
      };
    },
  };
}

export const BOLA_CASES: BolaCase[] = [
  leaseCase('GET', ''),
  leaseCase('GET', '/mileage'),
  leaseCase('POST', '/mileage', { odometer: 45_000 }),
  leaseCase('GET', '/end-of-term'),
  leaseCase('POST', '/end-of-term', { wear: { tire: 1 } }),
  leaseCase('GET', '/inspection'),
  leaseCase('POST', '/inspection', {
    date: '2026-12-01',
    window: 'morning',
    address: { line1: '1 Elm Street', city: 'Riverside', state: 'CA', postalCode: '92501' },
  }),
  leaseCase('GET', '/purchase-quote'),
  accountCase('GET', '/payments'),
  accountCase('GET', '/payment-options'),
  accountCase('GET', '/transactions'),
  accountCase('GET', '/payoff-quote'),
  accountCase('GET', '/autopay'),
  accountCase('POST', '/payments', (ctx) => ({
    payload: { paymentMethodId: ctx.priyasMethod.id, amount: 1000, currency: 'USD' },
    headers: { 'idempotency-key': 'bola-payment-attempt-1' },
  })),
  accountCase('PUT', '/autopay', (ctx) => ({
    payload: {
      paymentMethodId: ctx.priyasMethod.id,
      amountRule: 'amount_due',
      draftDaysBeforeDue: 3,
      authorizationVersion: 'autopay-2026-11',
    },
  })),
  accountCase('DELETE', '/autopay'),
  {
    route: 'DELETE /api/v1/accounts/:accountId/payments/:paymentId',
    async prepare(t, as) {
      const { maya, account, priya } = await mayasAccount(t, as);
      const [method] = (await get(t, '/api/v1/payment-methods', maya)).json().data;
      const options = (await get(t, `/api/v1/accounts/${account.id}/payment-options`, maya)).json();
      const made = await t.app.inject({
        method: 'POST',
        url: `/api/v1/accounts/${account.id}/payments`,
        headers: { cookie: maya, 'idempotency-key': 'bola-victim-payment-1' },
        payload: {
          paymentMethodId: method.id,
          amount: 2500,
          currency: 'USD',
          scheduledFor: options.latestDate,
        },
      });
      expect(made.statusCode).toBe(201);
      const payment = made.json();
      return {
        method: 'DELETE',
        victimUrl: `/api/v1/accounts/${account.id}/payments/${payment.id}`,
        missingUrl: `/api/v1/accounts/${account.id}/payments/pay_0000000000000000000000`,
        attacker: priya,
        async unchanged() {
          const list = (await get(t, `/api/v1/accounts/${account.id}/payments`, maya)).json().data;
          expect(list.find((p: { id: string }) => p.id === payment.id)?.status).toBe('scheduled');
        },
      };
    },
  },
  accountCase('GET', '/protection'),
  {
    route: 'GET /api/v1/accounts/:accountId/protection/coverage',
    async prepare(t, as) {
      const ctx = await mayasAccount(t, as);
      const query = '/protection/coverage?component=engine';
      return {
        method: 'GET',
        victimUrl: `/api/v1/accounts/${ctx.account.id}${query}`,
        missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}${query}`,
        attacker: ctx.priya,
      };
    },
  },
  accountCase('GET', '/work-orders'),
  accountCase('GET', '/maintenance'),
  accountCase('POST', '/maintenance', () => ({
    payload: { service: 'oil_change', performedOn: '2026-11-01', odometer: 99_000 },
  })),
  ...(['GET', 'POST'] as const).map((method) => ({
    route: `${method} /api/v1/accounts/:accountId/protection/:productId/${method === 'GET' ? 'cancellation-quote' : 'cancellation'}`,
    async prepare(t: TestApp, as: SignIn): Promise<BolaRequest> {
      const { maya, account, priya } = await mayasAccount(t, as);
      const products = () =>
        get(t, `/api/v1/accounts/${account.id}/protection`, maya).then((r) => r.json().data);
      const [victim] = await products();
      const suffix = method === 'GET' ? 'cancellation-quote' : 'cancellation';
      return {
        method,
        victimUrl: `/api/v1/accounts/${account.id}/protection/${victim.id}/${suffix}`,
        missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}/protection/ppr_0000000000000000000000/${suffix}`,
        attacker: priya,
        ...(method === 'POST'
          ? {
              payload: { expectedRefund: 0, reason: 'other' },
              headers: { 'idempotency-key': 'bola-protection-cancel-1' },
            }
          : {}),
        async unchanged() {
          const after = (await products()).find((p: { id: string }) => p.id === victim.id);
          expect(after.status).toBe('active');
        },
      };
    },
  })),
  {
    route: 'PATCH /api/v1/dealer/work-orders/:workOrderId',
    exempt:
      "dealer-scoped: a work order is found by its ID and the caller's dealership together, so another " +
      "dealer's order answers 404 exactly like a missing one (proved in test/protection.int.test.ts)",
  },
  {
    route: 'GET /api/v1/accounts/:accountId',
    async prepare(t, as) {
      const maya = await as('maya.thompson@example.com');
      const [account] = (await get(t, '/api/v1/accounts', maya)).json().data;
      return {
        method: 'GET',
        victimUrl: `/api/v1/accounts/${account.id}`,
        missingUrl: '/api/v1/accounts/ctr_0000000000000000000000',
        attacker: await as('priya.shah@example.com'),
      };
    },
  },
  {
    route: 'DELETE /api/v1/me/sessions/:sessionId',
    async prepare(t, as) {
      const maya = await as('maya.thompson@example.com');
      const own = (await get(t, '/api/v1/me/sessions', maya))
        .json()
        .data.find((s: { current: boolean }) => s.current);
      return {
        method: 'DELETE',
        victimUrl: `/api/v1/me/sessions/${own.id}`,
        missingUrl: '/api/v1/me/sessions/ses_0000000000000000000000',
        attacker: await as('priya.shah@example.com'),
        async unchanged() {
          expect((await get(t, '/api/v1/me', maya)).statusCode).toBe(200);
        },
      };
    },
  },
  ...(['', '/file'] as const).map(
    (suffix): BolaCase => ({
      route: `GET /api/v1/documents/:documentId${suffix}`,
      async prepare(t, as) {
        const maya = await as('maya.thompson@example.com');
        const [doc] = (await get(t, '/api/v1/documents', maya)).json().data;
        return {
          method: 'GET',
          victimUrl: `/api/v1/documents/${doc.id}${suffix}`,
          missingUrl: `/api/v1/documents/doc_0000000000000000000000${suffix}`,
          attacker: await as('priya.shah@example.com'),
        };
      },
    }),
  ),
  {
    route: 'POST /api/v1/me/notifications/:notificationId/read',
    async prepare(t, as) {
      const maya = await as('maya.thompson@example.com');
      const [mayaUser] = await t.db.database.query<{ id: number }>(
        "select id from users where email = 'maya.thompson@example.com'",
      );
      await t.inbox.add(t.db.database.db, {
        userId: mayaUser?.id ?? 0,
        kind: 'test',
        title: 'Only for Maya',
        body: 'A notification another customer must not touch.',
      });
      const list = () => get(t, '/api/v1/me/notifications', maya).then((r) => r.json());
      const victim = (await list()).data.find((n: { title: string }) => n.title === 'Only for Maya');
      return {
        method: 'POST',
        victimUrl: `/api/v1/me/notifications/${victim.id}/read`,
        missingUrl: '/api/v1/me/notifications/ntf_0000000000000000000000/read',
        attacker: await as('priya.shah@example.com'),
        payload: {},
        async unchanged() {
          const after = (await list()).data.find((n: { id: string }) => n.id === victim.id);
          expect(after.readAt).toBeNull();
        },
      };
    },
  },
  ...(['PATCH', 'DELETE'] as const).map((method) => ({
    route: `${method} /api/v1/me/passkeys/:passkeyId`,
    async prepare(t: TestApp, as: SignIn): Promise<BolaRequest> {
      const maya = await as('maya.thompson@example.com');
      const { passkey } = await passkeyClient(t).add(maya, 'Maya only');
      return {
        method,
        victimUrl: `/api/v1/me/passkeys/${passkey.id}`,
        missingUrl: '/api/v1/me/passkeys/pk_0000000000000000000000',
        attacker: await as('priya.shah@example.com'),
        ...(method === 'PATCH' ? { payload: { name: 'Taken over' } } : {}),
        async unchanged() {
          const list = (await get(t, '/api/v1/me/passkeys', maya)).json().data;
          expect(list.find((p: { id: string }) => p.id === passkey.id)?.name).toBe('Maya only');
        },
      };
    },
  })),
  {
    route: 'DELETE /api/v1/payment-methods/:paymentMethodId',
    async prepare(t, as) {
      const maya = await as('maya.thompson@example.com');
      const methods = () => get(t, '/api/v1/payment-methods', maya).then((r) => r.json().data);
      const [victim] = await methods();
      return {
        method: 'DELETE',
        victimUrl: `/api/v1/payment-methods/${victim.id}`,
        missingUrl: '/api/v1/payment-methods/pm_0000000000000000000000',
        attacker: await as('priya.shah@example.com'),
        async unchanged() {
          expect((await methods()).map((m: { id: string }) => m.id)).toContain(victim.id);
        },
      };
    },
  },
  {
    route: 'GET /api/v1/ops/outbox/:messageId',
    exempt:
      "lender-wide outbox: every message is the lender's own outgoing mail and only staff roles may read it " +
      '(proved for every role by test/route-table.int.test.ts; each read is audited as mail.outbox.read)',
  },
  {
    route: 'GET /api/v1/ops/payments/:paymentId',
    exempt:
      "lender-wide servicing: staff who answer customers' payment questions see every payment of the lender " +
      '(roles proved by test/route-table.int.test.ts; each view is audited as staff.view_payment)',
  },
  accountCase('GET', '/schedule'),
  accountCase('GET', '/title'),
  accountCase('GET', '/requests'),
  accountCase('GET', '/what-if', (ctx) => ({
    victimUrl: `/api/v1/accounts/${ctx.account.id}/what-if?extraMonthly=10000`,
    missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}/what-if?extraMonthly=10000`,
  })),
  accountCase('GET', '/requests/quote', (ctx) => ({
    victimUrl: `/api/v1/accounts/${ctx.account.id}/requests/quote?kind=extension&payments=1`,
    missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}/requests/quote?kind=extension&payments=1`,
  })),
  {
    route: 'POST /api/v1/accounts/:accountId/requests',
    async prepare(t, as) {
      const { maya, account, priya } = await mayasAccount(t, as);
      return {
        method: 'POST',
        victimUrl: `/api/v1/accounts/${account.id}/requests`,
        missingUrl: `/api/v1/accounts/${MISSING_ACCOUNT}/requests`,
        attacker: priya,
        payload: { kind: 'due_date_change', dueDay: 20 },
        async unchanged() {
          expect((await get(t, `/api/v1/accounts/${account.id}/requests`, maya)).json().data).toEqual([]);
        },
      };
    },
  },
  {
    route: 'POST /api/v1/ops/account-requests/:requestId/decision',
    exempt:
      "lender-wide servicing queue: agents, supervisors and admins decide every customer's requests " +
      '(roles proved by test/route-table.int.test.ts; each decision is audited as account_request.approve|deny)',
  },
  { route: 'POST /api/v1/ops/users/:userId/disable', exempt: ADMIN_SCOPE },
  { route: 'POST /api/v1/ops/users/:userId/enable', exempt: ADMIN_SCOPE },
  { route: 'POST /api/v1/ops/users/:userId/sessions/revoke', exempt: ADMIN_SCOPE },
  { route: 'POST /api/v1/ops/users/:userId/reset-access', exempt: ADMIN_SCOPE },
];
