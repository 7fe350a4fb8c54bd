import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, seriousA11yIssues } from './support/browser.ts';
import { DEMO_TOTP_SECRET, type RunningServer, startServer } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Account recovery, end to end in Chromium: the demo customer Maya forgot her password. From the
 * sign-in page she opens "Forgot your password…", proves who she is with her e-mail address and
 * the identity facts of registration, types the code e-mailed to her (read from the server's
 * mail), chooses a new password and signs in with it and her authenticator. Every page gets an
 * axe scan and screenshots (phone and desktop, English and Spanish) in e2e/artifacts/.
 */
const MAYA = {
  email: 'maya.thompson@example.com',
  firstName: 'Maya',
  lastName: 'Thompson',
  dob: '1988-04-12',
  ssn: '512-34-7781',
  zip: '92501',
  newPassword: 'Juniper harbour kettle 58',
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

describe('account recovery', () => {
  it('Maya forgets her password, re-verifies her identity, sets a new one and signs in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/signin`);
    await expectAccessible(page, 'recovery-01-signin-phone');
    await page.getByRole('link', { name: 'Forgot your password or lost your authenticator?' }).click();
    await page.getByRole('heading', { name: 'Recover your account' }).waitFor();
    await page.getByText('ask your administrator to reset your access').waitFor();
    await page.getByRole('link', { name: 'Go to sign in' }).waitFor();
    await expectAccessible(page, 'recovery-02-details-phone');

    // A missing e-mail is an error beside its field, focused, before anything is sent.
    await page.getByRole('button', { name: 'Send me a code' }).click();
    const email = page.getByLabel('E-mail address you sign in with');
    await page.getByText('Enter your e-mail address').first().waitFor();
    expect(await email.evaluate((el) => el.matches(':focus'))).toBe(true);

    await email.fill(MAYA.email);
    await page.getByLabel('First name').fill(MAYA.firstName);
    await page.getByLabel('Last name').fill(MAYA.lastName);
    await page.getByLabel('Date of birth').fill(MAYA.dob);
    await page.getByLabel('ZIP code').fill(MAYA.zip);
    await page.getByLabel('Social Security number', { exact: true }).fill(MAYA.ssn);
    await page.getByRole('button', { name: 'Send me a code' }).click();

    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    expect(page.url()).not.toMatch(/7781|token|maya/i);
    await expectAccessible(page, 'recovery-03-code-phone');
    // A wrong code is refused beside the field.
    const code = await server.mail.lastCode(MAYA.email);
    await page.getByLabel('Code from the e-mail').fill(code === '000000' ? '000001' : '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText("That code isn't right or has expired.", { exact: false }).waitFor();
    await page.getByLabel('Code from the e-mail').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('maya-thompson-1988');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page
      .getByText(/name, e-mail address or our/)
      .first()
      .waitFor();
    await page.getByLabel('New password').fill(MAYA.newPassword);
    await expectAccessible(page, 'recovery-04-password-phone');
    await page.getByRole('button', { name: 'Set new password' }).click();

    await page.getByRole('heading', { name: 'Your account is recovered' }).waitFor();
    await expectAccessible(page, 'recovery-05-done-phone');
    await page.getByRole('link', { name: 'Sign in' }).last().click();

    // The new password, then the authenticator: a recovery never skips the second factor.
    await page.getByLabel('E-mail address').fill(MAYA.email);
    await page.getByLabel('Password', { exact: true }).fill(MAYA.newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: /Hello, Maya/ }).waitFor();
    await expectAccessible(page, 'recovery-06-dashboard-phone');

    // The security centre: contact details and editable alerts; the alert about the recovery.
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { name: 'Contact details' }).waitFor();
    await page.getByRole('checkbox', { name: 'Your password is changed: E-mail' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Your password is changed: E-mail' }).isDisabled()).toBe(
      true,
    );
    await page.getByRole('checkbox', { name: 'A sign-in from a new device: In the portal' }).uncheck();
    await page.getByRole('button', { name: 'Save alert choices' }).click();
    await page.getByText('Your alert choices are saved.').waitFor();
    await expectAccessible(page, 'recovery-07-security-phone');
    expect(server.mailer.to(MAYA.email).some((m) => m.subject.includes('Your account was recovered'))).toBe(
      true,
    );

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the recovery page and the security centre on a desktop, in Spanish', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/recover`);
    await page.getByRole('heading', { name: 'Recupere su cuenta' }).waitFor();
    // The brand's support hours in Spanish, in the footer.
    await page.getByText('lun–vie 8:00–20:00', { exact: false }).first().waitFor();
    await expectAccessible(page, 'recovery-08-details-desktop-es');

    await page.goto(`${server.url}/signin?next=${encodeURIComponent('/ops/security')}`);
    await page.getByLabel('Correo electrónico').fill('admin@solenne.example');
    await page.getByLabel('Contraseña', { exact: true }).fill('Velvet-Harbor-Lantern-26');
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page
      .getByLabel(/código/i)
      .first()
      .fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: /Verificar/ }).click();
    await page.getByRole('heading', { name: 'Sesiones de todos' }).waitFor();
    await page.getByRole('button', { name: 'Cerrar las sesiones de todos' }).click();
    await page.getByRole('dialog', { name: '¿Cerrar todas las sesiones?' }).waitFor();
    await expectAccessible(page, 'recovery-09-admin-confirm-desktop-es');
    await page.getByRole('button', { name: 'Cerrar todas las sesiones' }).click();
    await page.getByText(/Se cerr(ó|aron) \d+ sesi/).waitFor();
    await expectAccessible(page, 'recovery-10-security-desktop-es');
    await context.close();
  });
});
