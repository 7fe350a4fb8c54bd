import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, launchChromium, screenshot, seriousA11yIssues } from './support/browser.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type RunningServer, startServer } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Communication preferences, end to end in Chromium (W1-5): Daniel (demo lease customer, two
 * unread notices) reads one and the bell's count drops; opens Communication preferences from the
 * inbox, turns texts on for returned payments and e-mail on for offers, saves, and sees them
 * kept after a reload; goes paperless (refused until he ticks the E-SIGN consent, then on), reads
 * the page in Spanish, and withdraws the consent. He then sets Spanish as the language for letters
 * and e-mails: it is kept after a reload, and a new sign-in opens the portal in Spanish. An agent sees the demo text, number masked, in
 * the ops outbox. Every page is scanned with axe and photographed at phone and desktop size.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const DANIEL = 'daniel.reyes@example.com';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function check(page: Page, name: string) {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200);
    await screenshot(page, `notification-preferences-${name}-${size}`);
    expect(await seriousA11yIssues(page), `axe on ${name} (${size})`).toEqual([]);
  }
  await page.setViewportSize(PHONE);
}

async function signIn(page: Page, email: string, next: string, heading: RegExp) {
  await page.goto(`${server.url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
  await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

describe('Daniel: inbox, communication preferences and paperless', () => {
  it('reads a notice and the bell count drops', async () => {
    const { page, errors } = await newPage();
    await signIn(page, DANIEL, '/', /Hello, Daniel/);
    await page.getByRole('link', { name: 'Notifications, 2 unread' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByText('2 unread notifications.').waitFor();
    await check(page, '01-inbox');

    await page.getByRole('button', { name: 'Mark "Your lease payment is due soon" as read' }).click();
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    await page.getByText('1 unread notification.').waitFor();
    // The notice links to where to act on it.
    expect(
      await page.getByRole('link', { name: 'View: Your lease payment is due soon' }).getAttribute('href'),
    ).toMatch(/^\/accounts\/ctr_\w+\/pay$/);
    expect(errors).toEqual([]);

    // Preferences: from the inbox.
    await page.getByRole('link', { name: 'Communication preferences' }).click();
    await page.getByRole('heading', { name: 'Communication preferences', level: 1 }).waitFor();
    await page.getByText('Text messages go to your phone •••-•••-0177.').waitFor();
    await check(page, '02-preferences');

    const offersEmail = page.getByRole('switch', { name: 'Offers and news: E-mail' });
    const returnedText = page.getByRole('switch', { name: 'Returned payments: Text message' });
    expect(await offersEmail.isChecked()).toBe(false);
    expect(await returnedText.isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Payment due reminders: Text message' }).isChecked()).toBe(
      true,
    );
    await offersEmail.click({ force: true });
    await returnedText.click({ force: true });
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Your communication preferences are saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Communication preferences', level: 1 }).waitFor();
    await page.getByRole('switch', { name: 'Offers and news: E-mail' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Offers and news: E-mail' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Returned payments: Text message' }).isChecked()).toBe(
      true,
    );

    // Paperless needs the E-SIGN consent, said next to the checkbox.
    await page
      .getByRole('heading', { name: 'Consent to electronic records and signatures (E-SIGN Act)' })
      .waitFor();
    await page.getByRole('button', { name: 'Go paperless' }).click();
    await page.getByText('Tick the box to agree to the E-SIGN disclosure before going paperless.').waitFor();
    const consent = page.getByRole('checkbox', {
      name: /I have read the E-SIGN disclosure \(version 2026-01\)/,
    });
    expect(await consent.getAttribute('aria-invalid')).toBe('true');
    await check(page, '03-consent-required');
    await consent.check();
    await page.getByRole('button', { name: 'Go paperless' }).click();
    await page.getByText('Paperless is on. Your E-SIGN consent is recorded.').waitFor();
    await page.getByText('Paperless on', { exact: true }).waitFor();
    await check(page, '04-paperless-on');

    // In Spanish.
    await chooseLanguage(page, 'Español');
    await page.getByRole('heading', { name: 'Preferencias de comunicación', level: 1 }).waitFor();
    await page.getByRole('switch', { name: 'Ofertas y novedades: Correo electrónico' }).waitFor();
    await check(page, '05-spanish');
    await chooseLanguage(page, 'English');

    // Withdrawing is always one click, and paper mail resumes.
    await page.getByRole('button', { name: 'Withdraw consent and get paper mail' }).click();
    await page.getByText('Your consent is withdrawn: we will send paper mail again.').waitFor();
    await page.getByText('Paper mail', { exact: true }).waitFor();

    // The security centre leads here too.
    await page.goto(`${server.url}/security`);
    await page.getByRole('heading', { name: 'Communication preferences', level: 2 }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('Daniel: the language for letters and e-mails', () => {
  it('sets Spanish, sees it kept after a reload, and a new sign-in opens the portal in Spanish', async () => {
    const { page, errors } = await newPage();
    await signIn(page, DANIEL, '/notifications/preferences', /Communication preferences/);
    const card = page.getByRole('region', { name: 'Language for letters and e-mails' });
    await card.waitFor();
    expect(await card.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await card.getByRole('radio', { name: 'Español' }).check();
    await card.getByRole('button', { name: 'Save language' }).click();
    // Saved on the server, and the portal follows.
    await page.getByText('Guardado: le escribiremos en Español.').waitFor();
    await page.getByRole('heading', { name: 'Preferencias de comunicación', level: 1 }).waitFor();
    await check(page, '07-language-saved');

    await page.reload();
    const kept = page.getByRole('region', { name: 'Idioma de cartas y correos electrónicos' });
    await kept.waitFor();
    expect(await kept.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);

    // A new browser (nothing kept client-side): the portal adopts the stored language at sign-in.
    const fresh = await newPage();
    await signIn(fresh.page, DANIEL, '/', /Hola, Daniel/);
    expect(await fresh.page.locator('html').getAttribute('lang')).toBe('es');

    // Back to English with the header's switch, which is saved as well.
    await chooseLanguage(fresh.page, 'English');
    await fresh.page.getByRole('heading', { name: /Hello, Daniel/, level: 1 }).waitFor();
    await fresh.page.goto(`${server.url}/notifications/preferences`);
    const english = fresh.page.getByRole('region', { name: 'Language for letters and e-mails' });
    await english.waitFor();
    await english.getByRole('radio', { name: 'English' }).waitFor();
    await expect.poll(() => english.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    expect(fresh.errors).toEqual([]);
  });
});

describe('ops: the text messages in the outbox', () => {
  it('shows the demo reminder text with the number masked', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'agent@solenne.example', '/ops/outbox', /Mail outbox/);
    await page.getByRole('heading', { name: 'Text messages' }).waitFor();
    await page.getByText('Solenne Motor Finance: Your lease payment is due soon').waitFor();
    await page.getByText(/To •••-•••-0177/).waitFor();
    expect(await page.content()).not.toContain('951-555-0177');
    await check(page, '06-ops-sms-outbox');
    expect(errors).toEqual([]);
  });
});
