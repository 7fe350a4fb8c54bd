import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './support/browser.ts';
import { journey } from './support/journey.ts';
import { DEMO_TOTP_SECRET } from './support/server.ts';
import { nextTotpCode } from './support/totp.ts';

/**
 * Payments in the portal, end to end in Chromium (W1-4): Maya sets up autopay (passing the
 * step-up with her authenticator), edits it to the amount due + $25, skips the next draft and
 * stops it; then pays the amount due by bank account and sees the confirmation number, the
 * split, the payment in her transactions (and CSV) and the confirmation e-mail. Priya's declined
 * card is refused next to the "Pay from" choice, then her Visa pays $50 at once. Chris, in
 * Spanish, schedules a payment for a later date and cancels it. Every page is scanned with axe
 * and photographed at phone (390x844) and desktop (1280x800) size in e2e/artifacts/.
 */
const MAYA = 'maya.thompson@example.com';
const PRIYA = 'priya.shah@example.com';
const CHRIS = 'chris.walker@example.com';
const MONEY = /\$[\d,]+\.\d{2}/;

const { state, newPage, checkSizes, signIn: signInAs } = journey('payments');
const check = (page: Page, name: string) => checkSizes(page, name, 200);
const signIn = (page: Page, email: string, greeting: RegExp) => signInAs(page, email, { heading: greeting });

/** The amount shown on a preset card, e.g. "$423.17". */
async function presetAmount(page: Page, name: RegExp): Promise<string> {
  const text = await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name }) })
    .textContent();
  const amount = MONEY.exec(text ?? '')?.[0];
  if (!amount) throw new Error(`no amount on the preset ${name}`);
  return amount;
}

const cents = (money: string) => Math.round(Number(money.replace(/[$,]/g, '')) * 100);

describe('Maya: autopay, then a payment by bank account', () => {
  let page: Page;
  let errors: string[];

  it('sets up autopay with a step-up, edits it to amount due + $25, skips the next draft, stops it', async () => {
    ({ page, errors } = await newPage());
    await signIn(page, MAYA, /Hello, Maya/);
    await check(page, '01-dashboard');

    await page
      .getByRole('link', { name: /^View details/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Solenne Vela/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Set up autopay' }).click();
    await page.getByRole('heading', { name: 'Set up automatic payments' }).waitFor();
    await check(page, '02-autopay-enrol');

    // The authorisation must be accepted: said next to the checkbox.
    await page.getByRole('button', { name: 'Turn on autopay' }).click();
    await page.getByText('Tick the box to authorize automatic payments.').waitFor();
    const agree = page.getByRole('checkbox', { name: /I authorize these automatic payments/ });
    expect(await agree.getAttribute('aria-invalid')).toBe('true');

    // Signed in a while ago: turning autopay on asks for a fresh authenticator code.
    await state.server.ageSecondFactors();
    const bank = page.getByRole('group', { name: 'Bank account to draft' }).getByRole('radio').first();
    await bank.check();
    await page.getByLabel('When to draft').selectOption({ label: '3 days before the due date' });
    await agree.check();
    await page.getByRole('button', { name: 'Turn on autopay' }).click();
    await page.getByRole('dialog', { name: "Confirm it's you" }).waitFor();
    await check(page, '03-autopay-step-up');
    await page.getByLabel('Authenticator code').fill(await nextTotpCode(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('Autopay is on.').waitFor();
    const summary = page.getByRole('region', { name: 'Your automatic payments' });
    await summary.getByText('On', { exact: true }).waitFor();
    await summary.getByText('3 days before the due date').waitFor();
    const firstDraft = MONEY.exec((await summary.textContent()) ?? '')?.[0];
    expect(firstDraft, 'the next draft and its amount are shown').toBeTruthy();
    const authorization = state.server.mailer.to(MAYA).filter((m) => m.category === 'autopay_authorization');
    expect(authorization.at(-1)?.text).toContain('I authorize');
    await check(page, '04-autopay-on');

    // Edit in place: the form comes prefilled; amount due plus $25 a month.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Change automatic payments' }).waitFor();
    expect(await bank.isChecked()).toBe(true);
    expect(await page.getByLabel('When to draft').inputValue()).toBe('3');
    await page.getByRole('radio', { name: 'The amount due plus an extra amount' }).check();
    const extra = page.getByLabel('Extra amount each month');
    await extra.fill('9000');
    await page.getByText('Enter an extra amount from $0.01 to $5,000.00.').waitFor();
    await extra.fill('25');
    await page.getByRole('checkbox', { name: /I authorize these automatic payments/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes are saved.', { exact: false }).waitFor();
    await summary.getByText('The amount due plus $25.00').waitFor();
    const editedDraft = MONEY.exec((await summary.textContent()) ?? '')?.[0] ?? '';
    expect(cents(editedDraft)).toBe(cents(firstDraft ?? '') + 2500);

    // Skip one draft: the next one is skipped, autopay stays on.
    await page.getByRole('button', { name: 'Skip next payment' }).click();
    await page.getByRole('dialog', { name: 'Skip your next automatic payment?' }).waitFor();
    await page.getByRole('button', { name: 'Skip this payment' }).click();
    await page.getByText(/won't be drafted\. Remember to pay it another way/).waitFor();
    await summary.getByText('Skipping next payment').first().waitFor();
    await check(page, '05-autopay-skipped');

    // Stop: the dialog explains the 3-business-day rule; the answer says whether a draft still goes.
    await page.getByRole('button', { name: 'Stop autopay' }).click();
    const stop = page.getByRole('dialog', { name: 'Stop automatic payments?' });
    await stop.getByText(/at least 3 business days before a draft/).waitFor();
    await check(page, '06-autopay-stop-dialog');
    await stop.getByRole('button', { name: 'Stop autopay' }).click();
    await page.getByText(/Autopay is off\./).waitFor();
    await page.getByRole('heading', { name: 'Set up automatic payments' }).waitFor();
    await check(page, '07-autopay-stopped');
    expect(errors).toEqual([]);
  }, 180_000);

  it('pays the amount due by bank account: confirmation, split, transactions, CSV and e-mail', async () => {
    await page.getByRole('link', { name: 'Back to the account' }).click();
    await page.getByRole('heading', { name: /Solenne Vela/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Pay', exact: true }).click();
    await page.getByRole('heading', { name: 'Make a payment', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Payment details' }).waitFor();
    await check(page, '08-pay-details');

    // "Another amount" is checked as it is typed.
    await page.getByRole('radio', { name: 'Another amount' }).check();
    const other = page.getByLabel('Amount to pay');
    await other.fill('12.345');
    await page.getByText('Enter an amount in dollars and cents, like 125.50.').waitFor();
    expect(await other.getAttribute('aria-invalid')).toBe('true');
    await other.fill('99999999');
    await page.getByText(/Enter an amount from \$0\.01 to/).waitFor();

    const due = await presetAmount(page, /^Amount due/);
    await page.getByRole('radio', { name: /^Amount due/ }).check();
    // One bank account: already chosen. Loans in good standing may pay principal only.
    const payFrom = page.getByRole('group', { name: 'Pay from' }).getByRole('radio');
    expect(await payFrom.count()).toBe(1);
    expect(await payFrom.isChecked()).toBe(true);
    await page.getByRole('switch', { name: 'Apply the whole payment to principal' }).waitFor();
    await page.getByRole('button', { name: 'Review payment' }).click();

    await page.getByRole('heading', { name: 'Review your payment' }).waitFor();
    await check(page, '09-pay-review');
    const payButton = page.getByRole('button', { name: `Pay ${due}` });
    await payButton.dblclick(); // a double click pays once
    const confirmation = page.getByRole('heading', { name: 'Payment received' });
    await confirmation.waitFor();
    expect(await page.locator(':focus').textContent(), 'focus moves to the outcome').toBe('Payment received');
    const number = (await page.getByTestId('confirmation-number').textContent()) ?? '';
    expect(number).toMatch(/^P\d{12}$/);
    const card = page.getByRole('region', { name: 'Payment received' });
    await card.getByText('Pending').waitFor();
    await card.getByRole('heading', { name: 'How your payment was applied' }).waitFor();
    const split = (await card.textContent()) ?? '';
    expect(split).toMatch(/Interest\$[\d,]+\.\d{2}/);
    expect(split).toMatch(/Principal\$[\d,]+\.\d{2}/);
    await check(page, '10-pay-confirmation');

    const mail = state.server.mailer.to(MAYA).filter((m) => m.category === 'payment_confirmation');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain(number);
    expect(mail[0]?.subject).toContain(due);

    // The payment is the newest transaction, pending, with its split one tap away.
    await page.getByRole('link', { name: 'See transactions' }).click();
    await page.getByRole('heading', { name: 'Transactions', level: 1 }).waitFor();
    const newest = page.getByRole('listitem').filter({ hasText: `Confirmation ${number}` });
    await newest.getByText('Pending').waitFor();
    await newest.getByText(`-${due}`).waitFor();
    await newest.getByRole('button', { name: 'Show split' }).click();
    await newest.getByText('Principal').waitFor();
    await check(page, '11-transactions');

    await page.getByLabel('Type').selectOption({ label: 'Interest' });
    await page.getByText(`Confirmation ${number}`).waitFor({ state: 'detached' });
    await page.getByLabel('Type').selectOption({ label: 'All types' });
    const csvLink = page.getByRole('link', { name: 'Download CSV' });
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toContain('format=csv');
    expect(await csvLink.getAttribute('download')).not.toBeNull();
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv.split('\r\n')[0]).toContain('Date,Posted,Type');
    expect(csv).toContain(number);

    // And on the account page, in the recent payments.
    await page.getByRole('link', { name: 'Back to the account' }).click();
    const payments = page.getByRole('region', { name: 'Payments', exact: true });
    await payments.getByText(`Confirmation ${number}`).waitFor();
    const quote = page.getByRole('region', { name: 'Payoff quote' });
    await quote.getByText(/add \$[\d.]+ for each extra day/).waitFor();
    await check(page, '12-account');
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('Priya: a debit card', () => {
  it('a declined card is said next to "Pay from"; her Visa pays $50 and completes at once', async () => {
    const { page, errors } = await newPage();
    await signIn(page, PRIYA, /Hello, Priya/);
    // A card that the simulated processor declines, added as its card form would.
    const added = await page.evaluate(async () => {
      const { token } = await fetch('/processor/sim/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cardNumber: '4000000000000002', expMonth: 8, expYear: 2031, cvv: '123' }),
      }).then((r) => r.json() as Promise<{ token: string }>);
      const method = await fetch('/api/v1/payment-methods', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'card', token, nickname: 'Old card' }),
      });
      return method.status;
    });
    expect(added).toBe(201);
    // Added behind the app's back (as the card form's own page would): load the list afresh.
    await page.reload();

    await page.getByRole('link', { name: /^Pay for .*Terran/ }).click();
    await page.getByRole('heading', { name: 'Make a payment', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Another amount' }).check();
    await page.getByLabel('Amount to pay').fill('50');
    await page.getByRole('radio', { name: /^Old card/ }).check();
    await page.getByRole('button', { name: 'Review payment' }).click();
    await page.getByRole('button', { name: 'Pay $50.00' }).click();
    await page.getByText('The card was declined. Try another card or a bank account.').waitFor();
    await page.getByRole('heading', { name: 'Payment details' }).waitFor();
    await check(page, '13-card-declined');

    await page.getByRole('radio', { name: /^Visa debit card ending in/ }).check();
    await page.getByRole('button', { name: 'Review payment' }).click();
    await page.getByRole('button', { name: 'Pay $50.00' }).click();
    const card = page.getByRole('region', { name: 'Payment received' });
    await card.getByText('Completed').waitFor();
    await card.getByText(/^Visa debit card ending in \d{4}$/).waitFor();
    await check(page, '14-card-completed');
    const mail = state.server.mailer.to(PRIYA).filter((m) => m.category === 'payment_confirmation');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain('$50.00');
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('Chris, in Spanish: a scheduled payment, then cancelled', () => {
  it('schedules $100 for a later date and cancels it from the account page', async () => {
    const { page, errors } = await newPage();
    await signIn(page, CHRIS, /Hello, Chris/);
    await chooseLanguage(page, 'Español');
    await page.getByRole('heading', { name: /Hola, Chris/ }).waitFor();

    await page
      .getByRole('link', { name: /^Pagar la cuenta del/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Hacer un pago', level: 1 }).waitFor();
    // Two payments behind: the past-due amount is offered on its own; no principal-only payment.
    await page.getByRole('radio', { name: /^Monto vencido/ }).waitFor();
    expect(await page.getByRole('switch').count()).toBe(0);
    await check(page, '15-es-pay-details');

    await page.getByRole('radio', { name: 'Otro monto' }).check();
    await page.getByLabel('Monto a pagar').fill('100');
    await page.getByRole('radio', { name: 'Otra fecha' }).check();
    await page.getByRole('button', { name: 'Revisar el pago' }).click();
    await page.getByText('Elija la fecha del pago.').waitFor();
    const date = page.getByLabel('Fecha del pago');
    const later = (await date.getAttribute('min')) ?? '';
    await date.fill(later);
    await page.getByRole('button', { name: 'Revisar el pago' }).click();
    await page.getByRole('heading', { name: 'Revise su pago' }).waitFor();
    await check(page, '16-es-pay-review');
    await page.getByRole('button', { name: 'Programar $100.00' }).click();
    await page.getByRole('heading', { name: 'Pago programado' }).waitFor();
    const number = (await page.getByTestId('confirmation-number').textContent()) ?? '';
    await page
      .getByRole('region', { name: 'Pago programado' })
      .getByText('Programado', { exact: true })
      .waitFor();
    await check(page, '17-es-pay-scheduled');

    await page.getByRole('link', { name: 'Volver a la cuenta' }).first().click();
    const payments = page.getByRole('region', { name: 'Pagos', exact: true });
    const item = payments.getByRole('listitem').filter({ hasText: `Confirmación ${number}` });
    await item.getByText('Programado', { exact: true }).waitFor();
    await item.getByRole('button', { name: /^Cancelar pago de \$100\.00/ }).click();
    await page.getByRole('dialog', { name: '¿Cancelar este pago?' }).waitFor();
    await check(page, '18-es-cancel-dialog');
    await page.getByRole('button', { name: 'Sí, cancelarlo' }).click();
    await payments.getByText(`El pago ${number} está cancelado.`).waitFor();
    await item.getByText('Cancelado', { exact: true }).waitFor();
    expect(await item.getByRole('button').count()).toBe(0);
    await check(page, '19-es-account');

    await page.getByRole('link', { name: 'Todos los movimientos' }).click();
    await page.getByRole('heading', { name: 'Movimientos', level: 1 }).waitFor();
    await check(page, '20-es-transactions');
    await page.getByRole('link', { name: 'Volver a la cuenta' }).click();
    await page.getByRole('link', { name: 'Activar el pago automático' }).click();
    await page.getByRole('heading', { name: 'Activar los pagos automáticos' }).waitFor();
    await page.getByText(/Autorizo a .* a debitar/).waitFor();
    await check(page, '21-es-autopay');
    expect(errors).toEqual([]);
  }, 120_000);
});
