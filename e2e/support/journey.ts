import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, screenshot, seriousA11yIssues } from './browser.ts';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './server.ts';
import { nextTotpCode } from './totp.ts';

/** The two sizes every page is checked at: a phone first, then a desktop. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface Journey {
  server: RunningServer;
  browser: Browser;
  /** The context and page of the test running now (closed after the file, if still open). */
  context: BrowserContext | undefined;
  page: Page;
}

export interface JourneyPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught script errors of the page: a journey ends by expecting none. */
  errors: string[];
}

/**
 * One server and one browser for a journey file, started before its tests and closed after them,
 * with the helpers every journey uses:
 * - `newPage()`: a phone-sized page in a fresh context (closed after the file) that records
 *   uncaught script errors;
 * - `expectAccessible(name)`: a screenshot (`<prefix>-<name>.png`) and an axe scan with no
 *   serious or critical finding;
 * - `checkSizes(page, name)`: the same at phone and desktop size, back to the phone after;
 * - `signIn(page, email, { next, heading })`: password, then the demo authenticator code.
 */
export function journey(prefix: string, options: ServerOptions = {}) {
  const state = { context: undefined } as Journey;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    state.server = await startServer(options);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await state.context?.close();
    await state.browser?.close();
    await state.server?.close();
  });

  async function newPage(contextOptions: BrowserContextOptions = {}): Promise<JourneyPage> {
    const context = await state.browser.newContext({ viewport: PHONE, locale: 'en-US', ...contextOptions });
    contexts.push(context);
    const page = await context.newPage();
    state.page = page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, context, errors };
  }

  async function scan(page: Page, name: string) {
    await screenshot(page, `${prefix}-${name}`);
    expect(await seriousA11yIssues(page), `axe on ${name}`).toEqual([]);
  }

  async function expectAccessible(name: string) {
    await scan(state.page, name);
  }

  async function checkSizes(page: Page, name: string, settleMs = 250) {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(settleMs); // let the layout (tables, charts) settle
      await scan(page, `${name}-${size}`);
    }
    await page.setViewportSize(PHONE);
  }

  /** Signs a demo user in with the password and the demo authenticator; waits for `heading`. */
  async function signIn(
    page: Page,
    email: string,
    { next, heading, password = DEMO_PASSWORD }: { next?: string; heading?: RegExp; password?: string } = {},
  ) {
    await page.goto(`${state.server.url}/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    if (heading) await page.getByRole('heading', { name: heading }).first().waitFor();
  }

  return { state, newPage, expectAccessible, checkSizes, signIn };
}
