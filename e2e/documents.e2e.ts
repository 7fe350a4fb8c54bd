import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountNumberFrom } from '../apps/server/src/platform/ids.ts';
import { chooseLanguage, screenshot, seriousA11yIssues } from './support/browser.ts';
import { journey } from './support/journey.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * The document centre, end to end in Chromium (W1-5): Maya signs in with her authenticator,
 * opens Documents from the navigation, filters to statements of her account, downloads the
 * newest statement (a real PDF with her account number in it), and reads the page in Spanish.
 * Every state is scanned with axe and photographed at phone and desktop size.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MAYA = 'maya.thompson@example.com';
// The demo seed numbers Maya's first account from this base (seed-demo.ts).
const MAYAS_ACCOUNT = accountNumberFrom(4_100_000_000);

const { state } = journey('documents');

async function check(page: Page, name: string) {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200);
    await screenshot(page, `documents-${name}-${size}`);
    expect(await seriousA11yIssues(page), `axe on ${name} (${size})`).toEqual([]);
  }
  await page.setViewportSize(PHONE);
}

describe('documents', () => {
  it('lists, filters and downloads statements, in English and Spanish', async () => {
    state.context = await state.browser.newContext({
      viewport: PHONE,
      locale: 'en-US',
      acceptDownloads: true,
    });
    const page = await state.context.newPage();
    state.page = page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${state.server.url}/signin`);
    await page.getByLabel('E-mail address').fill(MAYA);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: /Hello, Maya/ }).waitFor();

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
