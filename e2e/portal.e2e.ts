import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, launchChromium, screenshot, seriousA11yIssues } from './support/browser.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type RunningServer, startServer } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * The walking skeleton, end to end in Chromium: sign in (password, then the authenticator code
 * computed from the demo secret), see the dashboard with contracts from
 * the database, switch to Spanish, open an account, sign out. Every page gets an axe scan
 * (no serious or critical issue) and a screenshot in e2e/artifacts/.
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function expectAccessible(name: string) {
  await screenshot(page, name);
  expect(await seriousA11yIssues(page), `axe on ${name}`).toEqual([]);
}

describe.each([
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
])('customer portal journey ($name)', ({ name, viewport }) => {
  it('signs in, sees the dashboard, switches to Spanish, opens an account, signs out', async () => {
    context = await browser.newContext({ viewport, locale: 'en-US' });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // A signed-out visitor lands on the sign-in page.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    await expectAccessible(`${name}-01-signin`);

    // Bad input is shown next to the field, then a wrong password gets the generic message.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Enter your e-mail address.').waitFor();
    await page.getByLabel('E-mail address').fill('priya.shah@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('The e-mail address or password is not right.', { exact: false }).waitFor();
    await expectAccessible(`${name}-02-signin-error`);

    // Password, then the MFA step on /signin/verify: a wrong code is said next to the field.
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    expect(page.url()).toContain('/signin/verify');
    const codeField = page.getByLabel('Authenticator code');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    await page.getByRole('button', { name: 'E-mail me a code instead' }).waitFor();
    await expectAccessible(`${name}-02b-mfa`);
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText("That code didn't work.", { exact: false }).waitFor();

    // The right code: the dashboard shows both of Priya's contracts from the database.
    await codeField.fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: /Hello, Priya/ }).waitFor();
    await page
      .getByText(/Terran/)
      .first()
      .waitFor();
    await page.getByText(/Brio/).first().waitFor();
    const body = await page.locator('main').textContent();
    expect(body).toMatch(/\$[\d,]+\.\d{2}/); // balances and payments as money
    expect(body).toContain('Loan');
    expect(body).toContain('Lease');
    await expectAccessible(`${name}-03-dashboard`);

    // Spanish, immediately and everywhere.
    await chooseLanguage(page, 'Español');
    await page.getByRole('heading', { name: /Hola, Priya/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessible(`${name}-04-dashboard-es`);

    // The lease's detail page says "money factor", never APR.
    await page.getByRole('link', { name: /Ver detalles.*Brio/ }).click();
    await page
      .getByText(/factor monetario|money factor/i)
      .first()
      .waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\bAPR\b|\bTAE\b/);
    await expectAccessible(`${name}-05-lease-es`);

    // A signed-in customer's switch is kept on the server (the next sign-in adopts it): back to
    // English, so the journey's next run (the other viewport) starts as it expects.
    await chooseLanguage(page, 'English');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

    // Sign out: back to sign-in, and the dashboard is no longer reachable.
    await page
      .getByRole('button', { name: /Cerrar sesión|Sign out/ })
      .first()
      .click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/signin/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
