import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './support/browser.ts';
import { journey } from './support/journey.ts';

/**
 * Service and protection in the portal (W1-6), in Chromium: Maya opens "Service & protection"
 * from her loan, asks whether the air conditioning and the brakes are covered, reads the
 * dealer's A/C work order and her maintenance timeline, then cancels her roadside plan after
 * seeing the refund worked out, and finds the confirmation in her inbox. Daniel (lease) sees
 * the page in Spanish. Every page: axe scan, phone (390x844) and desktop (1280x800) screenshots.
 */
const { state, newPage, checkSizes, expectAccessible, signIn } = journey('protection');
const check = (name: string) => checkSizes(state.page, name, 200);

async function openPage(email: string, greeting: RegExp) {
  const { page, errors } = await newPage();
  await signIn(page, email, { heading: greeting });
  return errors;
}

async function chooseOption(page: Page, label: string | RegExp, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('Maya: coverage, a work order, maintenance, and a cancellation with the refund shown first', () => {
  it('checks coverage, sees the work order and the maintenance timeline', async () => {
    const errors = await openPage('maya.thompson@example.com', /Hello, Maya/);
    const page = state.page;
    await page
      .getByRole('link', { name: /^View details/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Solenne Vela/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'See coverage and service' }).click();
    await page.getByRole('heading', { name: 'Service & protection', level: 1 }).waitFor();
    await page.getByText('Sentinel Powertrain Plus').first().waitFor();
    await page.getByText('Air conditioning blows warm air').waitFor();
    await page.getByText(/done, \d+ missed, \d+ due now/).waitFor();

    // Products with their coverage meters and statuses.
    const products = page.getByRole('region', { name: 'Your protection products' });
    expect(await products.getByRole('progressbar').count()).toBeGreaterThanOrEqual(5);
    await products.getByText('Ended', { exact: true }).first().waitFor();
    // The work order, its status and who pays what.
    const orders = page.getByRole('region', { name: 'Work orders' });
    await orders.getByText('In progress').waitFor();
    await orders.getByText('Covered by Sentinel Powertrain Plus').first().waitFor();
    // Maintenance: the oil change the dealer did, the brake inspection never recorded.
    const maintenance = page.getByRole('region', { name: 'Scheduled maintenance' });
    await maintenance.getByText('by your dealer').first().waitFor();
    expect(await maintenance.getByText('Due now').count()).toBeGreaterThan(0);
    await check('01-page');

    await chooseOption(page, 'Part or service', 'Air conditioning');
    const answer = page.getByTestId('coverage-answer');
    await answer.getByText('Covered', { exact: true }).waitFor();
    await answer.getByText(/Sentinel Powertrain Plus, Harborline Warranty Co\./).waitFor();
    await answer.getByText(/Deductible \$100\.00/).waitFor();
    await check('02-covered');
    await chooseOption(page, 'Part or service', 'Brake pads and rotors');
    await answer.getByText('Not covered').waitFor();
    await answer.getByText(/wears out with use/).waitFor();
    expect(errors).toEqual([]);
  });

  it('cancels the roadside plan after seeing the refund, and finds the confirmation in the inbox', async () => {
    const page = state.page;
    await page.getByRole('button', { name: 'Cancel Compass Roadside Assistance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel Compass Roadside Assistance' });
    await dialog.getByText('Your refund').waitFor();
    await dialog.getByText('Refund for the time not used').waitFor();
    const confirm = dialog.getByRole('button', { name: /^Cancel and get \$[\d,]+\.\d{2} back$/ });
    const label = (await confirm.textContent()) ?? '';
    const refund = /\$[\d,]+\.\d{2}/.exec(label)?.[0] ?? '';
    expect(refund).not.toBe('');
    await dialog.getByText('Paid back to you').waitFor();
    // The reason is required: said next to the field, nothing cancelled.
    await confirm.click();
    await dialog.getByText('Choose a reason').waitFor();
    await check('03-cancel-quote');

    await chooseOption(page, /Why are you cancelling/, 'I no longer need it');
    await confirm.click();
    await dialog.getByText('Cancellation confirmed').waitFor();
    await dialog.getByText(new RegExp(`refund of \\${refund}`)).waitFor();
    await check('04-cancel-done');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    const roadside = page.getByTestId('product-roadside');
    await roadside.getByText('Cancelled', { exact: true }).waitFor();
    await roadside.getByText(new RegExp(`Refund \\${refund}`)).waitFor();

    await page.goto(`${state.server.url}/notifications`);
    await page.getByText('Compass Roadside Assistance cancelled').waitFor();
    await expectAccessible('05-inbox-phone');
  });
});

describe('Daniel (lease), in Spanish', () => {
  it('sees his plans, the cancelled roadside refund and the open 30,000-mile service', async () => {
    const errors = await openPage('daniel.reyes@example.com', /Hello, Daniel/);
    const page = state.page;
    await chooseLanguage(page, 'Español');
    await page
      .getByRole('link', { name: /^Ver detalles/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Ver cobertura y servicio' }).click();
    await page.getByRole('heading', { name: 'Servicio y protección', level: 1 }).waitFor();
    await page.getByText('TreadGuard Tire & Wheel').first().waitFor();
    await page.getByText('Scheduled 30,000-mile service').waitFor();
    await page.getByTestId('product-roadside').getByText('Cancelado', { exact: true }).waitFor();
    await page.getByText('Abierta', { exact: true }).waitFor();
    await check('06-lease-es');
    expect(errors).toEqual([]);
  });
});
