import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, chooseLanguage } from './support/browser.ts';
import { journey } from './support/journey.ts';

/**
 * The lease centre, end to end in Chromium (W1-6): Daniel, three payments from the end of his
 * lease, opens the lease centre from his account, reads his lease numbers (money factor, never
 * an APR), records his odometer (a lower reading is refused next to the field), compares the
 * end-of-term options, counts wear in the self-check and sees the return estimate follow,
 * requests an inspection (confirmed in his inbox) and downloads a purchase quote PDF whose text
 * is checked with pdftotext; then the page in Spanish. Maya's loan has no lease centre. Every
 * page is scanned with axe and photographed at phone and desktop size in e2e/artifacts/.
 */
const DANIEL = 'daniel.reyes@example.com';
const MAYA = 'maya.thompson@example.com';

const { state, newPage: openPage, checkSizes, signIn: signInAs } = journey('lease');
const newPage = () => openPage({ acceptDownloads: true });
const check = (page: Page, name: string) => checkSizes(page, name, 300);
const signIn = (page: Page, email: string, greeting: RegExp) => signInAs(page, email, { heading: greeting });

/** The API's own answer, fetched in the page with the session cookie, to compare with what is shown. */
function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
}
const usd = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('Daniel: the lease centre', () => {
  it('records mileage, compares the end-of-term options, self-checks wear, books an inspection, downloads a quote', async () => {
    const { page, errors } = await newPage();
    await signIn(page, DANIEL, /Hello, Daniel/);
    const [lease] = (await api<{ data: Array<{ id: string }> }>(page, '/api/v1/accounts')).data;
    await page.goto(`${state.server.url}/accounts/${lease?.id}`);
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    await check(page, '00-account');
    await page.getByRole('link', { name: 'Open the lease centre' }).click();
    await page.getByRole('heading', { name: 'Lease centre', level: 1 }).waitFor();
    const accountId = /accounts\/([^/]+)\/lease/.exec(page.url())?.[1] ?? '';
    const base = `/api/v1/accounts/${accountId}/lease`;

    // The numbers, as disclosed: money factor, never APR.
    const numbers = page.getByRole('region', { name: 'Your lease numbers' });
    await numbers.getByText('Lease rate (money factor)').waitFor();
    const n = await api<{ totalMonthlyPayment: { amount: number }; residualValue: { amount: number } }>(
      page,
      base,
    );
    await numbers.getByText(usd(n.totalMonthlyPayment.amount), { exact: true }).first().waitFor();
    await numbers.getByText(usd(n.residualValue.amount), { exact: true }).waitFor();
    const numbersText = (await numbers.textContent()) ?? '';
    // "APR" appears only to say the lease rate is not one.
    expect(numbersText).toContain('not an APR');
    expect(numbersText.replaceAll('not an APR', '')).not.toMatch(/APR/);

    // Mileage: the chart's text alternative and the readings (dealer and own).
    const mileage = page.getByRole('region', { name: 'Mileage' });
    await mileage.getByText(/At this pace you will reach/).waitFor();
    await mileage
      .getByRole('cell', { name: /Service visit: Solenne of Riverside/ })
      .first()
      .waitFor();
    await check(page, '01-centre');

    const before = await api<{ lastOdometer: number; milesDriven: number }>(page, `${base}/mileage`);
    const field = mileage.getByLabel('Odometer reading (miles)');
    await field.fill(String(before.lastOdometer - 25));
    await mileage.getByRole('button', { name: 'Save reading' }).click();
    await mileage.getByText(/cannot be lower than the last one/).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await check(page, '02-mileage-error');
    await field.fill(String(before.lastOdometer + 240));
    await mileage.getByRole('button', { name: 'Save reading' }).click();
    await mileage.getByText('Reading saved. The projection has been updated.').waitFor();
    const firstRow = mileage.getByRole('row').nth(1);
    await firstRow.getByText((before.lastOdometer + 240).toLocaleString('en-US')).waitFor();
    await firstRow.getByText('You', { exact: true }).waitFor();
    const after = await api<{ milesDriven: number }>(page, `${base}/mileage`);
    expect(after.milesDriven).toBe(before.milesDriven + 240);

    // End-of-term options side by side, then the wear self-check moves the return estimate.
    const returnCard = page.getByRole('article', { name: 'Return it' });
    const buyCard = page.getByRole('article', { name: 'Buy it' });
    await returnCard.getByText('Estimated total').waitFor();
    await page.getByRole('article', { name: 'Extend it' }).waitFor();
    await page
      .getByRole('article', { name: 'Get a new vehicle' })
      .getByText('Disposition fee waived')
      .waitFor();
    const options = await api<{
      return: { total: { amount: number } };
      buy: { total: { amount: number }; financing: { monthlyPayment: { amount: number } } };
    }>(page, `${base}/end-of-term`);
    await buyCard.getByText(usd(options.buy.total.amount)).waitFor();
    await buyCard
      .getByText(new RegExp(`about \\${usd(options.buy.financing.monthlyPayment.amount)} a month`))
      .waitFor();
    await returnCard.getByText(usd(options.return.total.amount)).waitFor();

    const wear = page.getByRole('region', { name: 'Wear-and-use self-check' });
    await wear.getByRole('textbox', { name: /Tires with tread/ }).fill('2');
    await wear.getByRole('textbox', { name: /Dents larger/ }).fill('1');
    await wear.getByTestId('wear-total').getByText('$600.00').waitFor();
    await wear.getByText('Estimated wear charges').waitFor();
    await returnCard.getByText(usd(options.return.total.amount + 60_000)).waitFor();
    await check(page, '03-end-of-term');

    // Inspection: a Sunday is refused next to the date; a weekday is booked and lands in the inbox.
    const inspection = page.getByRole('region', { name: 'Request an inspection' });
    const { earliestDate } = await api<{ earliestDate: string }>(page, `${base}/inspection`);
    const day = (offset: number) => {
      const d = new Date(`${earliestDate}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      return d;
    };
    const sunday = [0, 1, 2, 3, 4, 5, 6].map(day).find((d) => d.getUTCDay() === 0) as Date;
    const weekday = [0, 1, 2].map(day).find((d) => d.getUTCDay() !== 0) as Date;
    await inspection.getByLabel('Preferred date').fill(sunday.toISOString().slice(0, 10));
    await inspection.getByLabel('Afternoon (1 pm – 5 pm)').check();
    await inspection.getByLabel('Street address').fill('77 Mission Court');
    await inspection.getByLabel('City').fill('Corona');
    await inspection.getByLabel('State').fill('CA');
    await inspection.getByLabel('ZIP code').fill('92879');
    await inspection.getByRole('button', { name: 'Request the inspection' }).click();
    await inspection.getByText('Inspectors do not work on Sundays. Choose another day.').waitFor();
    await inspection.getByLabel('Preferred date').fill(weekday.toISOString().slice(0, 10));
    await inspection.getByRole('button', { name: 'Request the inspection' }).click();
    await inspection.getByText('Inspection requested. We sent a confirmation to your inbox.').waitFor();
    await inspection.getByText(/Requested: .*Afternoon/).waitFor();
    await check(page, '04-inspection');

    // The purchase quote, downloaded as a person would, read back with pdftotext.
    const quote = page.getByRole('region', { name: 'Purchase quote' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      quote.getByRole('link', { name: 'Download the purchase quote (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^purchase-quote-\d{4}-\d{4}-\d{2}-\d{2}\.pdf$/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdfPath = path.join(ARTIFACTS, 'lease-purchase-quote.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Lease purchase quote');
    expect(text).toContain('Daniel Reyes');
    expect(text).toContain('Purchase option price');
    expect(text).toContain(usd(options.buy.total.amount));
    expect(text).toMatch(/Good through \w+ \d{1,2}, \d{4}/);

    // The inbox has the inspection confirmation.
    await page.goto(`${state.server.url}/notifications`);
    await page.getByText('Lease inspection requested').first().waitFor();

    // In Spanish.
    await page.goto(`${state.server.url}/accounts/${accountId}/lease`);
    await page.getByRole('heading', { name: 'Lease centre', level: 1 }).waitFor();
    await chooseLanguage(page, 'Español');
    await page.getByRole('heading', { name: 'Centro de arrendamiento', level: 1 }).waitFor();
    await page.getByText('Tasa de arrendamiento (factor monetario)').waitFor();
    await page.getByRole('article', { name: 'Comprarlo' }).waitFor();
    await check(page, '05-centre-es');
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('Maya: a loan has no lease centre', () => {
  it('says the lease centre is for leases', async () => {
    const { page, errors } = await newPage();
    await signIn(page, MAYA, /Hello, Maya/);
    const [account] = (await api<{ data: Array<{ id: string }> }>(page, '/api/v1/accounts')).data;
    await page.goto(`${state.server.url}/accounts/${account?.id}`);
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    expect(await page.getByRole('link', { name: 'Open the lease centre' }).count()).toBe(0);
    await page.goto(`${state.server.url}/accounts/${account?.id}/lease`);
    await page.getByText('The lease centre is for lease accounts. This account is a loan.').waitFor();
    await check(page, '06-loan');
    expect(errors).toEqual([]);
  }, 60_000);
});
