import { describe, expect, it } from 'vitest';
import { journey } from './support/journey.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Ops (W1-4): an agent finds a customer's payment by its confirmation number and reads the
 * journal entries it caused, debits and credits, in Chromium; axe on every page.
 */
const { state, expectAccessible, signIn } = journey('ops-payments');

/** Maya pays $123.45 through the API, as the portal would; answers the confirmation number. */
async function mayaPays(): Promise<string> {
  const { app } = state.server;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'maya.thompson@example.com', password: DEMO_PASSWORD },
  });
  const preAuth = String(login.headers['set-cookie']).split(';')[0] ?? '';
  const mfa = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/totp',
    headers: { cookie: preAuth },
    payload: { code: await nextTotpCode(DEMO_TOTP_SECRET) },
  });
  const cookies = ([] as string[]).concat(mfa.headers['set-cookie'] ?? []);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const [account] = (await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie } })).json()
    .data;
  const [bank] = (
    await app.inject({ method: 'GET', url: '/api/v1/payment-methods', headers: { cookie } })
  ).json().data;
  const paid = await app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${account.id}/payments`,
    headers: { cookie, 'idempotency-key': 'ops-journey-payment-1' },
    payload: { paymentMethodId: bank.id, amount: 12_345, currency: 'USD' },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  return paid.json().confirmationNumber;
}

describe('an agent looks up a payment', () => {
  it('searches by confirmation number and sees the balanced journal entries', async () => {
    const confirmation = await mayaPays();
    state.context = await state.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    state.page = await state.context.newPage();
    const { page } = state;
    await signIn(page, 'agent@solenne.example', { next: '/ops/payments' });
    await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
    await expectAccessible('01-search');

    await page.getByLabel('Confirmation number, payment ID or account number').fill(confirmation);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: confirmation }).click();
    await page.getByRole('heading', { name: `Payment ${confirmation}` }).waitFor();
    await page.getByText('gl.cash_in_transit').first().waitFor();
    await expectAccessible('02-journal');
    const body = await page.locator('main').innerText();
    expect(body).toContain('Maya Thompson');
    expect(body).toContain('$123.45');
  });
});
