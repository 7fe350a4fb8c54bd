import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './support/browser.ts';
import { DESKTOP, journey, PHONE } from './support/journey.ts';

/**
 * Loan details (W1-6) in Chromium: Maya opens her loan's details (disclosure, balance chart and
 * its table), runs a what-if ($100 more a month), makes that extra principal payment through the
 * pay flow, and asks to move her due date to the 25th seeing the cost first; an agent approves it
 * in /ops/requests and Maya sees it approved. Elena's paid-off loan shows the title release steps,
 * in Spanish too. Every page is scanned with axe and photographed at phone and desktop size.
 */
const { newPage: openPage, checkSizes, expectAccessible, signIn: signInAs } = journey('loan');
const check = (page: Page, name: string) => checkSizes(page, name, 300);
const newPage = (viewport = PHONE) => openPage({ viewport });
const signIn = (page: Page, email: string, next = '/') => signInAs(page, email, { next });

describe('Maya: loan details, a what-if, the extra payment and a due-date change', () => {
  let maya: Page;
  let mayaErrors: string[];

  it('opens the loan details: disclosure, progress, chart with its table', async () => {
    ({ page: maya, errors: mayaErrors } = await newPage());
    await signIn(maya, 'maya.thompson@example.com');
    await maya.getByRole('heading', { name: /Hello, Maya/ }).waitFor();
    await maya
      .getByRole('link', { name: /^View details/ })
      .first()
      .click();
    await maya.getByRole('heading', { name: /Solenne Vela/, level: 1 }).waitFor();
    const title = maya.getByRole('region', { name: 'Your title' });
    await title.getByText(/We hold the lien/).waitFor();
    await maya.getByRole('link', { name: 'Loan details and what-if' }).click();
    await maya.getByRole('heading', { name: 'Loan details', level: 1 }).waitFor();
    const disclosure = maya.getByRole('region', { name: 'As disclosed in your contract' });
    await disclosure.getByText('$28,500.00').waitFor();
    await disclosure.getByText('$4,551.16').waitFor();
    await disclosure.getByText('$33,051.16').waitFor();
    await disclosure.getByText('5.99%').waitFor();
    const glance = maya.getByRole('region', { name: 'Your loan today' });
    await glance.getByText('$22,590.40').waitFor();
    await glance.getByText('$5,909.60').waitFor();
    await glance.getByText('$1,802.30').waitFor();
    await glance.getByText('$3.71 a day').waitFor();
    await maya.getByRole('progressbar', { name: 'Payments made' }).waitFor();
    const chart = maya.getByRole('region', { name: 'Balance over time' });
    await chart.locator('.recharts-surface').first().waitFor();
    await check(maya, '01-details');
    await chart.getByText('Show the balances as a table').click();
    const table = chart.getByRole('table', { name: 'Principal balance by date' });
    expect(await table.getByRole('row').count()).toBe(63); // header + 61 scheduled + today
    await check(maya, '02-balance-table');
  }, 120_000);

  it('runs a what-if, with the error next to the field, then $100 more a month', async () => {
    const card = maya.getByRole('region', { name: 'Pay it off sooner' });
    await card.getByRole('button', { name: 'Show me' }).click();
    await card.getByText('Enter an extra monthly amount or a one-time amount.').waitFor();
    const extra = card.getByLabel('Extra each month');
    expect(await extra.getAttribute('aria-invalid')).toBe('true');
    await extra.fill('12.345');
    await card.getByRole('button', { name: 'Show me' }).click();
    await card.getByText('Enter an amount like 50 or 50.00.').waitFor();
    await extra.fill('100');
    await card.getByRole('button', { name: 'Show me' }).click();
    await card.getByText('February 15, 2030').waitFor();
    await card.getByText('instead of September 15, 2030').waitFor();
    await card.getByText('$469.61').waitFor();
    await card.getByText('7 payments').waitFor();
    await check(maya, '03-what-if');
  }, 60_000);

  it('makes the extra payment through the pay flow, principal only, preselected', async () => {
    await maya.getByRole('link', { name: 'Pay $100.00 extra toward principal now' }).click();
    await maya.getByRole('heading', { name: 'Make a payment', level: 1 }).waitFor();
    expect(maya.url()).not.toContain('100');
    expect(await maya.getByRole('radio', { name: 'Another amount' }).isChecked()).toBe(true);
    expect(await maya.getByLabel('Amount to pay').inputValue()).toBe('100.00');
    expect(await maya.getByRole('switch', { name: 'Apply the whole payment to principal' }).isChecked()).toBe(
      true,
    );
    await check(maya, '04-pay-prefilled');
    await maya.getByRole('button', { name: 'Review payment' }).click();
    await maya.getByRole('heading', { name: 'Review your payment' }).waitFor();
    await maya.getByRole('button', { name: 'Pay $100.00' }).click();
    await maya.getByRole('heading', { name: 'Payment received' }).waitFor();
    const card = maya.getByRole('region', { name: 'Payment received' });
    await card.getByText('$100.00').first().waitFor();
    await check(maya, '05-paid');
  }, 60_000);

  it('asks to move the due date to the 25th, seeing the cost first', async () => {
    const account = maya.url().replace(/\/pay.*$/, '');
    await maya.goto(`${account}/loan`);
    await maya.getByRole('heading', { name: 'Loan details', level: 1 }).waitFor();
    await maya.getByRole('link', { name: 'Change due date or defer a payment' }).click();
    await maya.getByRole('heading', { name: 'Change your payments', level: 1 }).waitFor();
    await maya.getByRole('heading', { name: 'No requests yet' }).waitFor();
    await maya.getByLabel('New due day').selectOption({ label: 'Day 25' });
    const cost = maya.getByRole('region', { name: 'What this costs' });
    await cost.getByText('Interest for 10 extra days').waitFor();
    await cost.getByText(/\$\d{3}\.\d{2} → \$\d{3}\.\d{2}/).waitFor();
    await check(maya, '06-request-cost');
    await maya.getByRole('button', { name: 'Send my request' }).click();
    await maya.getByText(/Request sent\./).waitFor();
    await maya.getByText('Waiting for a decision').waitFor();
    await check(maya, '07-request-sent');
  }, 60_000);

  it('an agent approves it in /ops/requests; Maya sees it approved', async () => {
    const { page: agent, errors } = await newPage(DESKTOP);
    await signIn(agent, 'agent@solenne.example', '/ops/requests');
    await agent.getByRole('heading', { name: 'Account requests', level: 1 }).waitFor();
    const request = agent.getByRole('article', { name: 'Due date moved to day 25' });
    await request.getByText(/Maya Thompson/).waitFor();
    await check(agent, '08-ops-queue');
    await request.getByLabel('Note to the customer (optional)').fill('Matches your payday.');
    await request.getByRole('button', { name: 'Approve' }).click();
    await agent.getByRole('heading', { name: 'Nothing here' }).waitFor();
    await agent.locator('label', { hasText: 'Approved' }).click();
    await agent.getByRole('article', { name: 'Due date moved to day 25' }).getByText('Approved').waitFor();
    await check(agent, '09-ops-approved');
    expect(errors).toEqual([]);

    await maya.reload();
    await maya.getByText('Approved', { exact: true }).waitFor();
    await maya.getByText('Note: Matches your payday.').waitFor();
    expect(mayaErrors).toEqual([]);
  }, 90_000);
});

describe('Elena: a paid-off loan and its title', () => {
  it('shows each release step with its date or expected date, in English and Spanish', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'elena.park@example.com');
    await page.getByRole('heading', { name: /Hello, Elena/ }).waitFor();
    await page
      .getByRole('link', { name: /^View details/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Solenne Arden/, level: 1 }).waitFor();
    const title = page.getByRole('region', { name: 'Your title' });
    await title.getByText('Lien release in progress').waitFor();
    await title.getByText('Payoff received').waitFor();
    await title.getByText('Done Nov 16, 2026').waitFor();
    await title.getByText('Expected by Dec 10, 2026').waitFor();
    await check(page, '10-title');
    await page.getByRole('link', { name: 'Loan details and what-if' }).click();
    await page.getByRole('heading', { name: 'Loan details', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Your loan today' }).getByText('$31,200.00').waitFor();
    await check(page, '11-paid-off-details');
    await chooseLanguage(page, 'Español');
    await page.getByRole('heading', { name: 'Detalles del préstamo', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Según su contrato' }).waitFor();
    await check(page, '12-paid-off-details-es');
    await page.goBack();
    await page
      .getByRole('region', { name: 'Su título' })
      .getByText('Liberación del gravamen en curso')
      .waitFor();
    await expectAccessible('13-title-es-phone');
    expect(errors).toEqual([]);
  }, 120_000);
});
