import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey } from './support/journey.ts';

/**
 * Ops (W1-5): a supervisor runs the close of business for the business date from the console,
 * follows it to the end, reads where it spent its time and sees the business date move on; then
 * filters the delinquency list to 30-59 days and finds Chris Walker's late loan. Axe on every
 * page; desktop and phone screenshots.
 */
const { state, expectAccessible, signIn: signInAs } = journey('ops-cob', { businessDate: 'database' });

const medium = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).format(
    Date.parse(`${iso}T00:00:00Z`),
  );
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const signIn = (page: Page, next: string) => signInAs(page, 'supervisor@solenne.example', { next });

describe('close of business and delinquency in the ops console', () => {
  it('a supervisor closes the business day, reads the step timings, then the 30-59 bucket', async () => {
    // The demo database starts with today's business date (UTC).
    const businessDate = new Date().toISOString().slice(0, 10);
    const nextDate = addDays(businessDate, 1);
    state.context = await state.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    state.page = await state.context.newPage();
    const { page } = state;
    await signIn(page, '/ops/cob');
    await page.getByRole('heading', { name: 'Close of business', level: 1 }).waitFor();
    const dateCard = page.getByRole('region', { name: 'Business date' });
    await dateCard.locator(`time[datetime="${businessDate}"]`).waitFor();
    await page.getByRole('heading', { name: 'No runs yet' }).waitFor();
    await expectAccessible('01-before');

    await page.getByRole('button', { name: `Run close for ${medium(businessDate)}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Run close of business?' });
    await dialog.getByText(`This closes the business day ${medium(businessDate)}`).waitFor();
    await page.waitForTimeout(400); // the modal's fade-in, so the screenshot shows it settled
    await expectAccessible('02-confirm');
    await dialog.getByRole('button', { name: 'Start the run' }).click();

    // Polling follows the run to its end; then the date card shows the next business date.
    await page.getByText('Close of business completed').waitFor({ timeout: 90_000 });
    const result = await page
      .getByRole('status')
      .filter({ hasText: 'Close of business completed' })
      .innerText();
    expect(result).toContain(`${medium(businessDate)} closed in`);
    expect(result).toContain(`The business date is now ${medium(nextDate)}.`);
    await dateCard.locator(`time[datetime="${nextDate}"]`).waitFor();
    await dateCard.getByText('Closed through today').waitFor();
    await expect(page.getByRole('button', { name: /^Run close for/ }).isDisabled()).resolves.toBe(true);

    const runs = page.getByRole('region', { name: 'Recent runs' });
    const row = runs.getByRole('row').nth(1);
    await expect(row.innerText()).resolves.toMatch(/Completed[\s\S]*Ops console/);
    const steps = page.getByRole('region', { name: `Step timings: ${medium(businessDate)}` });
    for (const step of [
      'Payments',
      'Autopay drafts',
      'Accrue interest',
      'Bill installments',
      'Late fees',
      'Age delinquency',
    ]) {
      await steps.getByRole('rowheader', { name: step, exact: true }).waitFor();
    }
    await steps.getByRole('rowheader', { name: 'Advance business date' }).waitFor();
    expect(await steps.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page
      .getByRole('region', { name: 'Failures' })
      .getByText('No failures in the recent runs.')
      .waitFor();
    await expectAccessible('03-done');

    await page.getByRole('link', { name: 'Delinquency' }).click();
    await page.getByRole('heading', { name: 'Delinquency', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Chris Walker' }).waitFor();
    const summary = page.getByRole('region', { name: 'Accounts by bucket' });
    await expect(summary.getByRole('row', { name: /30–59 days/ }).innerText()).resolves.toMatch(
      /30–59 days\s+[1-9]/,
    );
    await expectAccessible('04-delinquency');

    await page.getByLabel('Days past due').selectOption('30-59');
    const list = page.getByRole('region', { name: 'Past-due accounts' });
    await list.getByRole('cell', { name: 'Chris Walker' }).waitFor();
    const rows = await list.getByRole('row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) expect(r).toContain('30–59 days');
    const chris = rows.find((r) => r.includes('Chris Walker')) ?? '';
    expect(chris).toMatch(/\b(3\d|4\d|5\d)\b/); // days past due within 30-59
    expect(chris).toMatch(/\$[\d,]+\.\d{2}/);
    await expectAccessible('05-delinquency-30-59');

    // The same pages on a phone, same session.
    const phone = await state.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      storageState: await state.context.storageState(),
    });
    await state.context.close();
    state.context = phone;
    state.page = await phone.newPage();
    await state.page.goto(`${state.server.url}/ops/cob`);
    await state.page.getByRole('heading', { name: 'Close of business', level: 1 }).waitFor();
    await state.page.locator(`time[datetime="${nextDate}"]`).first().waitFor();
    await expectAccessible('06-phone-cob');
    await state.page.goto(`${state.server.url}/ops/delinquency`);
    await state.page.getByRole('cell', { name: 'Chris Walker' }).waitFor();
    await expectAccessible('07-phone-delinquency');
  }, 180_000);
});
