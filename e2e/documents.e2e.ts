import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountNumberFrom } from '../apps/server/src/platform/ids.ts';
import { chooseLanguage } from './support/browser.ts';
import { journey } from './support/journey.ts';

/**
 * The document centre, end to end in Chromium (W1-5): Maya signs in with her authenticator,
 * opens Documents from the navigation, filters to statements of her account, downloads the
 * newest statement (a real PDF with her account number in it), and reads the page in Spanish.
 * Every state is scanned with axe and photographed at phone and desktop size.
 */
const MAYA = 'maya.thompson@example.com';
// The demo seed numbers Maya's first account from this base (seed-demo.ts).
const MAYAS_ACCOUNT = accountNumberFrom(4_100_000_000);

const { state, newPage, checkSizes, signIn } = journey('documents');
const check = (page: Page, name: string) => checkSizes(page, name, 200);

describe('documents', () => {
  it('lists, filters and downloads statements, in English and Spanish', async () => {
    const { page, errors } = await newPage({ acceptDownloads: true });
    await signIn(page, MAYA, { heading: /Hello, Maya/ });

    // The account page links to its documents; the main navigation has Documents too.
    await page.goto(`${state.server.url}/documents`);
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Your documents' }).waitFor();
    await page
      .getByRole('link', { name: /^Download / })
      .first()
      .waitFor();
    const all = await page.getByRole('link', { name: /^Download / }).count();
    expect(all).toBeGreaterThanOrEqual(5);
    await check(page, 'list');

    await page.getByLabel('Type').selectOption('statement');
    await page.waitForURL(/kind=statement/);
    await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    const statements = page.getByRole('link', { name: /^Download Monthly statement/ });
    await statements.first().waitFor();
    // The previous list stays on screen until the filtered one arrives: wait for the answer.
    await expect
      .poll(
        async () =>
          (await page.getByRole('link', { name: /^Download / }).count()) - (await statements.count()),
        {
          timeout: 15_000,
        },
      )
      .toBe(0);
    expect(await statements.count()).toBeGreaterThan(0);
    await check(page, 'statements');

    const [download] = await Promise.all([page.waitForEvent('download'), statements.first().click()]);
    expect(download.suggestedFilename()).toMatch(/^statement-\d{4}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marque-doc-')), 'statement.pdf');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(MAYAS_ACCOUNT);
    expect(text).toContain('Monthly statement');

    // A year with nothing in it: the empty state, and a way back.
    await page.getByLabel('Year').selectOption({ index: 4 });
    await page.getByRole('heading', { name: 'No documents yet' }).waitFor();
    await check(page, 'empty');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page
      .getByRole('link', { name: /^Download / })
      .first()
      .waitFor();

    await chooseLanguage(page, 'Español');
    await page.getByRole('heading', { name: 'Documentos', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: /^Descargar / })
      .first()
      .waitFor();
    await check(page, 'list-es');
    expect(errors).toEqual([]);
  });
});
