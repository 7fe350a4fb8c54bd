import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, seriousA11yIssues } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Identity and account security, end to end in Chromium: the unregistered demo customer registers
 * (identity, sign-in, the e-mailed code read from the server's mail, authenticator enrolment from the
 * key shown as text, recovery codes, consents), signs out, signs in with a TOTP code, sees the
 * dashboard, signs in on a second device with a recovery code, and signs that device out from the
 * security centre. Every page gets an axe scan and a screenshot in e2e/artifacts/.
 */
const JORDAN = {
  firstName: 'Jordan',
  lastName: 'Ellis',
  dob: '1990-07-04',
  ssn: '219-09-9999',
  zip: '92503',
  email: 'jordan.ellis@example.com',
  password: 'Copper kettle sings at dawn',
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousA11yIssues(page), `axe on ${name}`).toEqual([]);
}

async function signInWithPassword(page: Page) {
  await page.goto(`${server.url}/signin`);
  await page.getByLabel('E-mail address').fill(JORDAN.email);
  await page.getByLabel('Password', { exact: true }).fill(JORDAN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
}

describe('identity and account security', () => {
  it('registers Jordan, signs in with TOTP, and signs another device out', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // From sign-in to the registration wizard.
    await page.goto(`${server.url}/signin`);
    await page.getByRole('link', { name: 'Register for online access' }).click();
    await page.getByRole('heading', { name: 'Tell us who you are' }).waitFor();
    await expectAccessible(page, 'identity-01-register');

    // Step 1: identity. The SSN is masked, never autocompleted, never in the URL.
    await page.getByLabel('First name').fill(JORDAN.firstName);
    await page.getByLabel('Last name').fill(JORDAN.lastName);
    await page.getByLabel('Date of birth').fill(JORDAN.dob);
    await page.getByLabel('ZIP code').fill('90210');
    const ssn = page.getByLabel('Social Security number', { exact: true });
    expect(await ssn.getAttribute('type')).toBe('password');
    expect(await ssn.getAttribute('autocomplete')).toBe('off');
    await ssn.fill(JORDAN.ssn);
    await page.getByRole('button', { name: 'Verify my identity' }).click();
    // A wrong detail gets the generic answer, which never says which one.
    await page.getByText("We couldn't verify your identity").waitFor();
    await page.getByLabel('ZIP code').fill(JORDAN.zip);
    await ssn.fill(JORDAN.ssn);
    await page.getByRole('button', { name: 'Verify my identity' }).click();
    await page.getByRole('heading', { name: 'Create your sign-in' }).waitFor();
    expect(page.url()).not.toContain('9999');

    // Step 2: e-mail and password; a password built on the name is refused next to the field.
    await page.getByLabel('E-mail address').fill(JORDAN.email);
    await page.getByLabel('New password').fill('jordan-ellis-1990');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByText(/name, e-mail address or our/)
      .first()
      .waitFor();
    await page.getByLabel('New password').fill(JORDAN.password);
    await page.getByText('Strong.', { exact: false }).waitFor();
    await expectAccessible(page, 'identity-02-credentials');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Step 3: the code e-mailed to Jordan, read from the server's mail.
    await page.getByRole('heading', { name: 'Verify your e-mail address' }).waitFor();
    await page.getByLabel('Verification code').fill(await server.mail.lastCode(JORDAN.email));
    await page.getByRole('button', { name: 'Verify e-mail' }).click();

    // Step 4: the authenticator, set up from the key written out as text beside the QR code.
    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible(page, 'identity-03-authenticator');
    await page.getByLabel('6-digit code from the app').fill(await nextTotpCode(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();

    // Ten recovery codes, shown once; continuing needs "I saved them".
    const codes = page.getByTestId('recovery-codes').locator('code');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recoveryCodes = await codes.allTextContents();
    await expectAccessible(page, 'identity-04-recovery-codes');
    expect(await page.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true);
    await page.getByLabel('I have saved my recovery codes somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Step 5: consents, with both texts shown in full.
    await page.getByRole('heading', { name: 'Electronic documents and privacy' }).waitFor();
    await page.getByRole('region', { name: 'E-SIGN consent' }).waitFor();
    await page.getByRole('region', { name: 'Privacy notice' }).waitFor();
    await expectAccessible(page, 'identity-05-consents');
    await page.getByLabel('I agree to receive documents electronically', { exact: false }).check();
    await page.getByLabel('I have received and read the privacy notice.').check();
    await page.getByRole('button', { name: 'Agree and finish' }).click();
    await page.getByRole('heading', { name: "You're registered" }).waitFor();
    await expectAccessible(page, 'identity-06-done');

    // Sign out (if registration signed Jordan in), then sign in: password, then a TOTP code.
    await page.goto(`${server.url}/`);
    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    if (await signOut.isVisible().catch(() => false)) {
      await signOut.click();
      await page.waitForURL(/\/signin/);
    }
    await signInWithPassword(page);
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: /Hello, Jordan/ }).waitFor();
    await expectAccessible(page, 'identity-07-dashboard');

    // A second device signs in with a recovery code.
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const otherPage = await other.newPage();
    await signInWithPassword(otherPage);
    await otherPage.getByRole('button', { name: 'Use a recovery code' }).click();
    await otherPage.getByRole('heading', { name: 'Enter a recovery code' }).waitFor();
    await otherPage.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
    await otherPage.getByRole('button', { name: 'Verify and sign in' }).click();
    await otherPage.getByRole('heading', { name: /Hello, Jordan/ }).waitFor();

    // The security centre: this device is marked; the other one is signed out from here.
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { name: "Where you're signed in" }).waitFor();
    await page.getByText('This device').waitFor();
    await page.getByText('9 unused codes left').waitFor();
    await expectAccessible(page, 'identity-08-security');
    await page
      .getByRole('button', { name: /^Sign out (?!everywhere)\S.+/ })
      .first()
      .click();
    await page.getByText('That device is signed out.').waitFor();

    // The other device is now signed out.
    await otherPage.goto(`${server.url}/`);
    await otherPage.waitForURL(/\/signin/);
    await other.close();

    // The bell carries the unread count in its name; the inbox lists the security alerts.
    const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await bell.click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await expectAccessible(page, 'identity-09-notifications');

    expect(errors).toEqual([]);
    await context.close();
  });
});
