import fs from 'node:fs';
import { cents } from '@marque/finance';
import { describe, expect, it } from 'vitest';
import { normalizeSpace, pdfText } from './pdf/inspect-pdf.ts';
import { renderPayoffLetter } from './render-payoff-letter.ts';
import { samplePayoffLetter } from './test-fixtures.ts';

/**
 * A lease's payoff letter shows the payoff in its parts: 18 remaining payments of $462.00,
 * the purchase option price (residual) of $17,850.00, 6.25 % sales tax on it
 * (17,850.00 × 0.0625 = 1,115.625 -> $1,115.63) and $25.00 of fees: $27,306.63.
 */
function leaseLetter(language: 'en' | 'es') {
  const sample = samplePayoffLetter();
  return {
    ...sample,
    language,
    quote: {
      ...sample.quote,
      payoff: cents(2_730_663),
      principal: cents(831_600),
      interest: cents(0),
      fees: cents(2_500),
      perDiem: { amount: '0.0000', rounded: cents(0) },
    },
    lease: {
      remainingPayments: cents(831_600),
      purchasePrice: cents(1_785_000),
      purchaseTax: cents(111_563),
    },
  };
}

describe('renderPayoffLetter for a lease', () => {
  it('lists remaining payments, purchase option price and its tax, fees; no interest or per diem', async () => {
    const bytes = await renderPayoffLetter(leaseLetter('en'));
    if (process.env.PAYOFF_LETTER_OUT) fs.writeFileSync(process.env.PAYOFF_LETTER_OUT, bytes);
    const layout = pdfText(bytes, { layout: true });
    expect(layout).toMatch(/Remaining lease payments +\$8,316\.00\n/);
    expect(layout).toMatch(/Purchase option price \(residual\) +\$17,850\.00\n/);
    expect(layout).toMatch(/Sales tax on the purchase +\$1,115\.63\n/);
    expect(layout).toMatch(/Unpaid fees +\$25\.00\n/);
    expect(layout).toMatch(/Payoff amount +\$27,306\.63\n/);
    const text = normalizeSpace(pdfText(bytes));
    expect(text).not.toContain('Principal balance');
    expect(text).not.toContain('Interest through');
    expect(text).not.toContain('for each day after');
    expect(text).toContain('A lease accrues no daily interest');
  });

  it('in Spanish too', async () => {
    const layout = pdfText(await renderPayoffLetter(leaseLetter('es')), { layout: true });
    expect(layout).toMatch(/Pagos de arrendamiento restantes +\$8,316\.00\n/);
    expect(layout).toMatch(/Opción de compra \(residual\) +\$17,850\.00\n/);
    expect(layout).toMatch(/Impuesto sobre la compra +\$1,115\.63\n/);
  });
});
