import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, screenshot } from './support/browser.ts';
import { journey } from './support/journey.ts';

/**
 * The public calculators (W1-6), end to end in Chromium on a phone (390x844): a visitor who is
 * not signed in finds them from the sign-in page, runs each one, sees a server validation error
 * next to its field, copies a shareable link and opens it in a fresh browser to find the same
 * result; the lease page says "money factor" and never "APR". Every page is scanned with axe and
 * photographed at phone and desktop size in e2e/artifacts/.
 */
const { state, newPage, checkSizes } = journey('calculators');
const check = (page: Page, name: string) => checkSizes(page, name, 250);

/** A fresh visitor: no cookies, phone-sized, clipboard allowed; fails on any script error. */
async function visitor(): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const opened = await newPage();
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: state.server.url });
  return opened;
}

/** The headline figure of the estimate, once the server has answered for the inputs on screen. */
async function headline(page: Page, expected: string) {
  const result = page.getByRole('region', { name: /Estimate|Estimación/ });
  await expect
    .poll(() => result.locator('[data-figure="headline"]').textContent(), { timeout: 10_000 })
    .toBe(expected);
}

async function fill(page: Page, label: string | RegExp, value: string) {
  const input = page.getByRole('textbox', { name: label, exact: typeof label === 'string' });
  await input.fill(value);
}

async function copyLink(page: Page): Promise<string> {
  await page.waitForTimeout(600); // the URL follows the inputs after the debounce
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
  return page.evaluate<string>('navigator.clipboard.readText()');
}

describe('a visitor uses the calculators without signing in', () => {
  it('finds them from the sign-in page and computes a loan, with errors next to fields and a shareable link', async () => {
    const { page, errors } = await visitor();
    await page.goto(`${state.server.url}/signin`);
    await page.getByRole('link', { name: 'Open the calculators' }).click();
    await page.waitForURL('**/calculators');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Payment calculators');
    await check(page, 'hub');

    await page.getByRole('link', { name: 'Loan payment calculator' }).click();
    await page.waitForURL(/\/calculators\/loan/);
    await headline(page, '$672.16'); // the defaults: $34,361.50 financed at 6.49 % for 60 months
    await fill(page, 'Trade-in value', '8000');
    await fill(page, 'Still owed on trade-in', '3000');
    await headline(page, '$563.01');
    const disclosure = page.getByRole('region', { name: 'Truth in Lending figures' });
    expect(await disclosure.textContent()).toContain('$28,781.50'); // amount financed
    expect(await disclosure.textContent()).toContain('$4,999.00'); // finance charge
    expect(await page.getByRole('img', { name: 'Your balance over time' }).count()).toBe(1);
    await check(page, 'loan');

    // A term the server refuses: its error appears next to the field, the old figures stay dimmed.
    await fill(page, 'Term (months)', '120');
    const term = page.getByRole('textbox', { name: 'Term (months)' });
    await expect.poll(() => term.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByText('This is above what the calculator accepts.').count()).toBe(1);
    await screenshot(page, 'calculators-loan-error-phone');
    await fill(page, 'Term (months)', '60');
    await headline(page, '$563.01');

    const link = await copyLink(page);
    expect(link).toContain('/calculators/loan?');
    expect(link).toContain('tradeInValue=8000');
    const other = await visitor();
    await other.page.goto(link);
    await headline(other.page, '$563.01');
    expect(other.errors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('leases with a money factor (never called APR), converts a percent, and refuses a residual above the price', async () => {
    const { page, errors } = await visitor();
    await page.goto(`${state.server.url}/calculators/loan`);
    await page
      .getByRole('navigation', { name: 'Calculators' })
      .getByRole('link', { name: 'Lease', exact: true })
      .click();
    await page.waitForURL(/\/calculators\/lease/);
    await headline(page, '$553.91');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Lease rate (money factor)');
    expect(text).not.toMatch(/APR/);
    const result = page.getByRole('region', { name: 'Estimate' });
    expect(await result.textContent()).toContain('$4,003.91'); // due at signing
    await check(page, 'lease');

    await page.getByRole('combobox', { name: 'Lease rate given as' }).selectOption('percent');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('0.002500 (from 6 %)');
    await headline(page, '$553.91');
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/APR/);

    await fill(page, 'Residual (% of MSRP)', '96');
    expect(
      await page
        .getByText('The residual must be below the negotiated price.')
        .waitFor({ timeout: 10_000 })
        .then(() => true),
    ).toBe(true);
    await fill(page, 'Residual (% of MSRP)', '58');
    await headline(page, '$553.91');

    const link = await copyLink(page);
    expect(link).toContain('rateMode=percent');
    const other = await visitor();
    await other.page.goto(link);
    await headline(other.page, '$553.91');

    // In Spanish: the same figures, the rate still a money factor.
    await chooseLanguage(page, 'Español');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Calculadora de pago de arrendamiento');
    expect(await page.locator('main').textContent()).toContain('factor de dinero');
    await check(page, 'lease-es');
    expect(errors).toEqual([]);
  });

  it('compares buying with leasing over the lease term, with a chart and its table', async () => {
    const { page, errors } = await visitor();
    await page.goto(`${state.server.url}/calculators/buy-vs-lease`);
    await headline(page, '$275.53');
    const result = page.getByRole('region', { name: 'Estimate' });
    expect(await result.textContent()).toContain('Leasing costs less over 36 months, by');
    expect(await result.textContent()).toContain('$24,061.29'); // buying, net of equity
    expect(await page.getByRole('img', { name: 'Cost over time' }).count()).toBe(1);
    await page.getByText('Show the figures as a table').click();
    const table = page.getByRole('table');
    expect(await table.getByRole('row').count()).toBe(5); // header + months 0, 12, 24, 36
    expect(await table.textContent()).toContain('$23,785.76'); // leasing, paid by month 36
    await check(page, 'buy-vs-lease');

    const link = await copyLink(page);
    const other = await visitor();
    await other.page.goto(link);
    await headline(other.page, '$275.53');
    expect(errors).toEqual([]);
  });

  it('finds the price a budget affords, with a payment-to-income hint kept out of the link', async () => {
    const { page, errors } = await visitor();
    await page.goto(`${state.server.url}/calculators/affordability`);
    await headline(page, '$28,244.99');
    await fill(page, 'Monthly income before tax', '3000');
    await expect.poll(() => page.getByText('On the high side').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('region', { name: 'Estimate' }).textContent()).toContain('18.3 %');
    await check(page, 'affordability');

    const link = await copyLink(page);
    expect(link).toContain('monthlyBudget=550');
    expect(link).not.toContain('monthlyIncome');
    const other = await visitor();
    await other.page.goto(link);
    await headline(other.page, '$28,244.99');
    expect(await other.page.getByText('On the high side').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says so when the server limits a visitor, and recovers when it answers again', async () => {
    const { page, errors } = await visitor();
    let limited = true;
    await page.route('**/api/v1/calculators/**', async (route) => {
      if (!limited) return route.continue();
      return route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '30' },
        body: JSON.stringify({
          type: 'https://marque.dev/problems/rate_limited',
          title: 'Too Many Requests',
          status: 429,
          code: 'rate_limited',
          detail: 'Too many attempts. Wait a little, then try again.',
        }),
      });
    });
    await page.goto(`${state.server.url}/calculators/loan`);
    await page.getByRole('heading', { name: 'Too many calculations' }).waitFor({ timeout: 10_000 });
    await check(page, 'rate-limited');
    limited = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await headline(page, '$672.16');
    expect(errors).toEqual([]);
  });
});
