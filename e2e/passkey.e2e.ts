import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, seriousA11yIssues } from './support/browser.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type RunningServer, startServer } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Passkeys end to end in Chromium, with its virtual authenticator (a platform authenticator that
 * verifies the user) driven over the DevTools protocol. Maya signs in with her password and
 * authenticator code, asking to remember the browser; back on that browser later her password
 * alone lets her in, so adding a passkey in the security centre asks her to step up with a code
 * first. She then signs out and signs in with "Sign in with a passkey" only: no e-mail, no
 * password. A closed prompt gets a friendly message; after the password on a browser that is not
 * remembered, the passkey is offered as the second factor. The same passkey, copied to a desktop
 * browser, signs in there too. Every page gets an axe scan and a screenshot in e2e/artifacts/.
 */
const MAYA = 'maya.thompson@example.com';

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

async function expectAccessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousA11yIssues(page), `axe on ${name}`).toEqual([]);
}

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  return context.newPage();
}

/** Chromium's virtual platform authenticator, with resident keys and user verification. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

async function passwordStep(page: Page) {
  await page.goto(`${server.url}/signin`);
  await page.getByLabel('E-mail address').fill(MAYA);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
  await page.waitForURL(/\/signin/);
}

const dashboard = (page: Page) => page.getByRole('heading', { name: /Hello, Maya/ }).waitFor();

let savedCredential: Record<string, unknown> | undefined;

describe('passkeys', () => {
  it('phone: adds a passkey after a step-up, then signs in with it and nothing else', async () => {
    const page = await openPage({ width: 390, height: 844 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { cdp, authenticatorId } = await virtualAuthenticator(page);

    // The sign-in page offers the passkey first, the e-mail and password below.
    await page.goto(`${server.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await expectAccessible(page, 'passkey-01-signin-phone');

    // Password, then the authenticator code, remembering this browser.
    await passwordStep(page);
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByLabel('Remember this device for 30 days').check();
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await dashboard(page);

    // Later, the remembered browser needs only the password: no second factor in this session.
    await signOut(page);
    await passwordStep(page);
    await dashboard(page);

    // Adding a passkey is an MFA change: first a fresh code, then the browser's prompt.
    await page.goto(`${server.url}/security`);
    await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByLabel('Passkey name').fill('My phone');
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByRole('dialog', { name: "Confirm it's you" }).waitFor();
    await expectAccessible(page, 'passkey-02-step-up-phone');
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Passkey added.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'My phone' }).waitFor();
    await expectAccessible(page, 'passkey-03-security-phone');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    expect(credentials[0]?.rpId).toBe('localhost');

    // Signed out, a closed (here: unverified) prompt is a friendly message, not a crash.
    await signOut(page);
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByText('The passkey request was cancelled or timed out.', { exact: false }).waitFor();
    await expectAccessible(page, 'passkey-04-cancelled-phone');

    // With the prompt answered: straight to the dashboard, no e-mail or password typed.
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await dashboard(page);
    await expectAccessible(page, 'passkey-05-dashboard-phone');

    // A browser that is not remembered: after the password, the passkey is the second factor.
    await signOut(page);
    await page.context().clearCookies();
    await passwordStep(page);
    await page.getByRole('heading', { name: 'Confirm with your passkey' }).waitFor();
    await page.getByRole('button', { name: 'Use my authenticator app' }).waitFor();
    await expectAccessible(page, 'passkey-06-mfa-phone');
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await dashboard(page);

    // Exported as it is now (its signature counter included), for the desktop browser.
    savedCredential = (await cdp.send('WebAuthn.getCredentials', { authenticatorId }))
      .credentials[0] as unknown as Record<string, unknown>;
    expect(errors).toEqual([]);
  });

  it('desktop: the same passkey signs in on another browser, and the security centre shows its use', async () => {
    expect(savedCredential, 'the phone journey saved the passkey').toBeDefined();
    const page = await openPage({ width: 1280, height: 800 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { cdp, authenticatorId } = await virtualAuthenticator(page);
    await cdp.send('WebAuthn.addCredential', {
      authenticatorId,
      credential: savedCredential as never,
    });

    await page.goto(`${server.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await expectAccessible(page, 'passkey-07-signin-desktop');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await dashboard(page);
    await expectAccessible(page, 'passkey-08-dashboard-desktop');

    await page.goto(`${server.url}/security`);
    await page.getByRole('heading', { name: 'My phone' }).waitFor();
    await page.getByText('Last used', { exact: false }).first().waitFor();
    await expectAccessible(page, 'passkey-09-security-desktop');
    expect(errors).toEqual([]);
  });
});
