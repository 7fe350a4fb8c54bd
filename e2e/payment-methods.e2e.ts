import { describe, expect, it } from 'vitest';
import { journey } from './support/journey.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Payment methods in Chromium: a demo customer signs in, adds a bank account (the routing number
 * checked and the bank named as it is typed) and a debit card through the simulated processor's
 * card form in an iframe, and sees both masked. The card number goes only to the processor's
 * endpoint, never to /api/. On the desktop the customer also removes a method and reads the page
 * in Spanish. Every page gets an axe scan (the card form's iframe included) and a screenshot.
 */
const PAN = '4242424242424242';
/** The page's window, for computed styles (this package is typed without the DOM library). */
type StyleWindow = { getComputedStyle(element: unknown): { opacity: string } };
const { state, expectAccessible } = journey('payment-methods');

async function signIn(email: string, greeting: RegExp) {
  const { page, server } = state;
  await page.goto(`${server.url}/signin`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.getByRole('heading', { name: greeting }).waitFor();
}

describe.each([
  { name: 'phone', viewport: { width: 390, height: 844 }, email: 'maya.thompson@example.com', first: 'Maya' },
  {
    name: 'desktop',
    viewport: { width: 1280, height: 800 },
    email: 'chris.walker@example.com',
    first: 'Chris',
  },
])('payment methods ($name)', ({ name, viewport, email, first }) => {
  it('adds a bank account and a debit card (through the processor iframe) and sees both masked', async () => {
    const context = await state.browser.newContext({ viewport, locale: 'en-US' });
    state.context = context;
    const page = await context.newPage();
    state.page = page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const apiBodies: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiBodies.push(request.postData() ?? '');
    });

    await signIn(email, new RegExp(`Hello, ${first}`));
    // From the dashboard, which says what is on file.
    await page.getByText(/1 way to pay on file/).waitFor();
    await expectAccessible(`${name}-00-dashboard`);
    await page.getByRole('link', { name: 'Manage payment methods' }).click();
    await page.getByRole('heading', { name: 'Payment methods', level: 1 }).waitFor();
    // The seeded bank account, masked.
    const list = page.getByRole('region', { name: 'Your payment methods' });
    await list
      .getByText(/Checking/)
      .first()
      .waitFor();
    expect(await list.locator('li').count()).toBe(1);
    await expectAccessible(`${name}-01-list`);

    // Bank account: a mistyped routing number is said as it is typed; the right one names the bank.
    await page.getByRole('button', { name: 'Add a bank account' }).click();
    await page.getByRole('heading', { name: 'Add a bank account' }).waitFor();
    const routing = page.getByLabel('Routing number');
    await routing.fill('064097728');
    await page.getByText("That routing number isn't valid.", { exact: false }).waitFor();
    expect(await routing.getAttribute('aria-invalid')).toBe('true');
    await routing.fill('064097729');
    await page.getByText('Bank: Magnolia State Bank').waitFor();
    await page.getByLabel('Account number', { exact: true }).fill('123456789012');
    await page.getByLabel('Re-enter the account number').fill('123456789013');
    await page.getByRole('button', { name: 'Add bank account' }).click();
    await page.getByText("The account numbers don't match.").waitFor();
    await expectAccessible(`${name}-02-bank-form-errors`);
    await page.getByLabel('Re-enter the account number').fill('123456789012');
    await page.getByLabel('Savings').check();
    await page.getByRole('button', { name: 'Add bank account' }).click();
    await page.getByText('Magnolia State Bank savings ending in 9012 was added', { exact: false }).waitFor();
    await list.getByText('Magnolia State Bank').waitFor();

    // Debit card, typed into the processor's own form in an iframe.
    await page.getByRole('button', { name: 'Add a debit card' }).click();
    const frame = page.frameLocator('iframe[title="Secure card form of our card processor"]');
    await frame.getByLabel('Card number').fill('4242 4242 4242 4241');
    await frame.getByLabel('Expiry date (MM/YY)').fill('1230');
    await frame.getByLabel('Security code (CVV)').fill('123');
    await frame.getByRole('button', { name: 'Save card' }).click();
    await frame.getByText('Check the card number', { exact: false }).waitFor();
    await expectAccessible(`${name}-03-card-form-error`);
    await frame.getByLabel('Card number').fill(PAN);
    expect(await frame.getByLabel('Card number').inputValue()).toBe('4242 4242 4242 4242');
    await frame.getByRole('button', { name: 'Save card' }).click();
    await page.getByText('Visa debit card ending in 4242 was added', { exact: false }).waitFor();

    // Both listed, masked; no full number anywhere on the page or in any /api/ request.
    await list.getByText('Expires 12/30').waitFor();
    await expect.poll(() => list.locator('li').count()).toBe(3);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('•••• ending in 9012');
    expect(text).toContain('•••• ending in 4242');
    expect(text).not.toContain('123456789012');
    expect(text).not.toContain(PAN);
    expect(apiBodies.some((b) => b.includes('"type":"card"'))).toBe(true);
    expect(apiBodies.filter((b) => /4242\s?4242/.test(b))).toEqual([]);
    await expectAccessible(`${name}-04-both-added`);

    if (name === 'desktop') {
      // Remove the new bank account after confirming.
      await page.getByRole('button', { name: 'Remove Magnolia State Bank savings ending in 9012' }).click();
      await page.getByRole('dialog', { name: 'Remove this payment method?' }).waitFor();
      // Scan once the dialog has faded in (mid-transition colours are not the real ones).
      const opacity = () =>
        page
          .locator('.mantine-Modal-content')
          .evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).opacity);
      await expect.poll(opacity).toBe('1');
      await expectAccessible(`${name}-05-remove-dialog`);
      await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await page.getByText('Magnolia State Bank savings ending in 9012 was removed.').waitFor();
      await expect.poll(() => list.locator('li').count()).toBe(2);

      // The same page in Spanish, with the processor's form in Spanish too.
      await page
        .getByRole('combobox', { name: /Language|Idioma/ })
        .first()
        .click();
      await page.getByRole('option', { name: 'Español' }).first().click();
      await page.getByRole('heading', { name: 'Métodos de pago', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Agregar una tarjeta de débito' }).click();
      const spanish = page.frameLocator('iframe[title="Formulario seguro de tarjeta de nuestro procesador"]');
      await spanish.getByLabel('Número de tarjeta').waitFor();
      await expectAccessible(`${name}-06-spanish`);
    }
    expect(errors).toEqual([]);
    await context.close();
    state.context = undefined;
  });
});
