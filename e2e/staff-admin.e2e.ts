import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey } from './support/journey.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Staff accounts in Chromium: the admin signs in with TOTP, opens Users, invites a new servicing
 * agent; the agent opens the e-mailed link in a fresh browser, chooses a password, sets up an
 * authenticator from the key shown as text, saves the recovery codes and lands in the operations
 * console. The admin then disables the agent, and the agent's next request finds them signed out.
 * Every page gets an axe scan and screenshots, on a phone and on a desktop, in e2e/artifacts/.
 */
const AGENT = {
  email: 'river.stone@solenne.example',
  name: 'River Stone',
  password: 'Granite orchard lantern 84',
};
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** The page's window, for computed styles (this package is typed without the DOM library). */
type StyleWindow = { getComputedStyle(element: unknown): { opacity: string } };

const { state, expectAccessible } = journey('staff-admin');

/** Screenshot and axe scan at the current size, then at the other one (cards vs table). */
async function bothSizes(page: Page, name: string) {
  const current = page.viewportSize() ?? DESKTOP;
  const other = current.width === PHONE.width ? DESKTOP : PHONE;
  await expectAccessible(
    `${name}-${current === other ? 'x' : current.width === PHONE.width ? 'phone' : 'desktop'}`,
  );
  await page.setViewportSize(other);
  await expectAccessible(`${name}-${other.width === PHONE.width ? 'phone' : 'desktop'}`);
  await page.setViewportSize(current);
}

/** The text of what a field's aria-describedby points at: its error, help and hints. */
async function describedBy(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const page = field.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Scan a dialog once it has faded in (mid-transition colours are not the real ones). */
async function dialogShown(page: Page, name: string) {
  await page.getByRole('dialog', { name }).waitFor();
  const opacity = () =>
    page
      .locator('.mantine-Modal-content')
      .evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).opacity);
  await expect.poll(opacity).toBe('1');
}

describe('staff administration', () => {
  it('an admin invites an agent, who sets up access with MFA; disabling the agent signs them out', async () => {
    const { browser, server } = state;
    const adminContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    state.context = adminContext;
    const admin = await adminContext.newPage();
    state.page = admin;
    const errors: string[] = [];
    admin.on('pageerror', (e) => errors.push(e.message));

    // The admin signs in with a password and an authenticator code.
    await admin.goto(`${server.url}/signin?next=${encodeURIComponent('/ops')}`);
    await admin.getByLabel('E-mail address').fill('admin@solenne.example');
    await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
    await admin.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await admin.getByRole('button', { name: 'Verify and sign in' }).click();
    await admin.getByRole('heading', { name: 'Operations console', level: 1 }).waitFor();

    // Users, from the menu: a table on the desktop, cards on a phone.
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const table = admin.getByRole('table', { name: 'Users' });
    await table.getByRole('row', { name: /Sam Rivera/ }).waitFor();
    expect(await table.getByText('maya.thompson@example.com').count()).toBe(0); // customers not by default
    expect(
      await table
        .getByRole('row', { name: /Alex Morgan/ })
        .getByText('You', { exact: true })
        .count(),
    ).toBe(1);
    await bothSizes(admin, '01-users');

    // Filters, kept in the address: nobody is disabled yet.
    await admin.getByLabel('Status').selectOption({ label: 'Disabled' });
    await admin.getByRole('heading', { name: 'No users' }).waitFor();
    expect(admin.url()).toContain('status=disabled');
    await admin.getByLabel('Status').selectOption({ label: 'Any status' });
    await table.getByRole('row', { name: /Sam Rivera/ }).waitFor();

    // The invitation form: errors beside their fields, the first one focused.
    await admin.getByRole('button', { name: 'Invite a user' }).click();
    const formHeading = admin.getByRole('heading', { name: 'Invite a user' });
    await formHeading.waitFor();
    const form = admin.getByRole('region', { name: 'Invite a user' });
    expect(await formHeading.evaluate((el) => el.matches(':focus'))).toBe(true);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const email = form.getByLabel('E-mail address');
    await form.getByText('Enter their e-mail address.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(email)).toContain('Enter their e-mail address.');
    expect(await email.evaluate((el) => el.matches(':focus'))).toBe(true);
    await form.getByText('Choose a role.').waitFor();
    await bothSizes(admin, '02-invite-errors');

    // A dealer role asks for the dealership (the demo has one, chosen already).
    await form.getByLabel('Role').selectOption({ label: 'Dealer user' });
    const dealership = form.getByLabel('Dealership');
    await expect
      .poll(() => dealership.locator('option:checked').textContent())
      .toBe('Solenne of Riverside (Riverside, CA)');

    // An address already in use is refused beside the field.
    await email.fill('agent@solenne.example');
    await form.getByLabel('Full name').fill(AGENT.name);
    await form.getByLabel('Role').selectOption({ label: 'Servicing agent' });
    expect(await dealership.count()).toBe(0);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText('Someone with this e-mail address has an account already.').waitFor();
    await email.fill(AGENT.email);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${AGENT.email}.`, { exact: false }).waitFor();
    const agentRow = table.getByRole('row', { name: new RegExp(AGENT.name) });
    await agentRow.getByText('Invited').waitFor();
    await expectAccessible('03-invited-desktop');

    // The link, from the e-mail: the token is in the fragment, never a query string.
    const mail = server.mailer.to(AGENT.email).at(-1);
    expect(mail?.subject).toMatch(/invited/);
    const link = /(http:\/\/\S+\/invitation#token=[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();

    // The agent, in a fresh browser on a phone.
    const agentContext = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
    const agent = await agentContext.newPage();
    agent.on('pageerror', (e) => errors.push(e.message));
    const apiUrls: string[] = [];
    agent.on('request', (request) => apiUrls.push(request.url()));
    state.page = agent;
    await agent.goto(link ?? '');
    await agent.getByRole('heading', { name: 'Choose your password' }).waitFor();
    // The token leaves the address bar at once and never travels in a URL.
    await expect.poll(() => agent.url()).toBe(`${server.url}/invitation`);
    const token = link?.split('#token=')[1] ?? '';
    expect(apiUrls.filter((u) => u.includes(token))).toEqual([]);
    await bothSizes(agent, '04-invitation-password');

    // Too short, then our brand's name: both refused beside the field.
    const password = agent.getByLabel('New password');
    await password.fill('short');
    await agent.getByRole('button', { name: 'Save password and continue' }).click();
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(password)).toContain('Use at least 8 characters.');
    await password.fill('solenne motor finance');
    await agent.getByRole('button', { name: 'Save password and continue' }).click();
    await agent
      .getByText("Don't use your name, e-mail address or our company's name in your password.")
      .waitFor();
    await password.fill(AGENT.password);
    await agent.getByText('Strong.', { exact: false }).waitFor();
    await agent.getByRole('button', { name: 'Save password and continue' }).click();

    // The authenticator, from the key written out beside the QR code.
    await agent.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    await agent.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = ((await agent.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await bothSizes(agent, '05-invitation-authenticator');
    // No session before MFA.
    expect((await agent.request.get(`${server.url}/api/v1/me`)).status()).toBe(401);
    await agent.getByLabel('6-digit code from the app').fill(await nextTotpCode(secret));
    await agent.getByRole('button', { name: 'Confirm' }).click();

    // Ten recovery codes, once; continuing needs "I saved them".
    await agent.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await agent.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    await bothSizes(agent, '06-invitation-codes');
    await agent.getByLabel('I have saved my recovery codes somewhere safe').check();
    await agent.getByRole('button', { name: 'Continue' }).click();

    // The operations console, without the admin-only Users entry.
    await agent.waitForURL(`${server.url}/ops`);
    await agent.getByRole('heading', { name: 'Operations console', level: 1 }).waitFor();
    await agent.getByText(`Welcome, ${AGENT.name}`).waitFor();
    expect(await agent.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await bothSizes(agent, '07-agent-console');

    // The link works once: opened again elsewhere, it says to ask the administrator.
    const again = await browser.newContext({ viewport: PHONE, locale: 'es-US' });
    const againPage = await again.newPage();
    state.page = againPage;
    await againPage.goto(link ?? '');
    await againPage.getByLabel('Nueva contraseña').fill('Another quiet harbour 19');
    await againPage.getByRole('button', { name: 'Guardar la contraseña y continuar' }).click();
    await againPage.getByRole('heading', { name: 'Este enlace ya no se puede usar' }).waitFor();
    await againPage
      .getByText('Pídale a su administrador que le envíe uno nuevo.', { exact: false })
      .waitFor();
    await expectAccessible('08-link-used-phone-es');
    await again.close();

    // The admin sees the agent active, then disables them: their sessions end at once.
    state.page = admin;
    await admin.reload();
    await agentRow.getByText('Active').waitFor();
    await agentRow.getByRole('button', { name: `Actions for ${AGENT.name}` }).click();
    await admin.getByRole('menuitem', { name: 'Disable' }).click();
    await dialogShown(admin, `Disable ${AGENT.name}?`);
    await admin.getByText('they are signed out everywhere right away').waitFor();
    await expectAccessible('09-disable-dialog-desktop');
    await admin.getByRole('dialog').getByRole('button', { name: 'Disable and sign out' }).click();
    await admin.getByText(`${AGENT.name} is disabled and signed out everywhere.`).waitFor();
    await agentRow.getByText('Disabled').waitFor();
    await bothSizes(admin, '10-disabled');

    // The agent's next request: signed out, back at the sign-in page.
    await agent.getByRole('link', { name: 'Security' }).click();
    await agent.waitForURL(/\/signin/);
    await agent.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    expect((await agent.request.get(`${server.url}/api/v1/me`)).status()).toBe(401);

    // Enabled again, after a confirmation; the page in Spanish.
    await agentRow.getByRole('button', { name: `Actions for ${AGENT.name}` }).click();
    await admin.getByRole('menuitem', { name: 'Enable' }).click();
    await dialogShown(admin, `Enable ${AGENT.name}?`);
    await admin.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
    await admin.getByText(`${AGENT.name} is enabled and can sign in again.`).waitFor();

    // Reset access (a lost phone): a fresh second factor was proved at sign-in, so no step-up now.
    await agentRow.getByRole('button', { name: `Actions for ${AGENT.name}` }).click();
    await admin.getByRole('menuitem', { name: 'Reset access' }).click();
    await dialogShown(admin, `Reset access for ${AGENT.name}?`);
    await admin.getByRole('dialog').getByRole('button', { name: 'Reset access' }).click();
    await admin
      .getByText(`Access reset: we e-mailed ${AGENT.email} a new setup link`, { exact: false })
      .waitFor();
    await agentRow.getByText('Invited').waitFor();
    expect(server.mailer.to(AGENT.email).at(-1)?.text).toMatch(/reset your access[\s\S]*\/invitation#token=/);
    await admin
      .getByRole('combobox', { name: /Language|Idioma/ })
      .first()
      .click();
    await admin.getByRole('option', { name: 'Español' }).first().click();
    await admin.getByRole('heading', { name: 'Usuarios', level: 1 }).waitFor();
    await bothSizes(admin, '11-users-es');

    // Without a link, the page says where to find it.
    await agent.goto(`${server.url}/invitation`);
    await agent.getByRole('heading', { name: 'Open the link from your e-mail' }).waitFor();
    state.page = agent;
    await expectAccessible('12-no-link-phone');

    expect(errors).toEqual([]);
    await agentContext.close();
    await adminContext.close();
    state.context = undefined;
    // Two browsers and some twenty axe scans: more than the default two minutes on a busy machine.
  }, 300_000);
});
