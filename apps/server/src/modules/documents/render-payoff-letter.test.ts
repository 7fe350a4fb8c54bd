import { cents } from '@marque/finance';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalizeSpace, pdfText } from './pdf/inspect-pdf.ts';
import { renderPayoffLetter } from './render-payoff-letter.ts';
import { samplePayoffLetter } from './test-fixtures.ts';

describe('renderPayoffLetter', () => {
  it('is a one-page letter with its title and creation date in the metadata', async () => {
    const bytes = await renderPayoffLetter(samplePayoffLetter());
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Payoff quote · 4417-2093-88');
    expect(doc.getAuthor()).toBe('Solenne Motor Finance');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-09T15:42:10.000Z');
  });

  it('shows the payoff, its breakdown, the good-through date, the per diem and where to send funds', async () => {
    const bytes = await renderPayoffLetter(samplePayoffLetter());
    const text = normalizeSpace(pdfText(bytes));
    expect(text).toContain('$18,432.17');
    expect(text).toContain('Good through March 31, 2026');
    expect(text).toContain('Add $3.4247 for each day after March 31, 2026');
    // Each label and its amount sit on one line of the page.
    const layout = pdfText(bytes, { layout: true });
    expect(layout).toMatch(/Principal balance +\$18,219\.04\n/);
    expect(layout).toMatch(/Interest through March 31, 2026 +\$163\.13\n/);
    expect(layout).toMatch(/Unpaid fees +\$50\.00\n/);
    expect(layout).toMatch(/Payoff amount +\$18,432\.17\n/);
    expect(text).toContain('March 9, 2026');
    expect(text).toContain('José Núñez Ortega');
    expect(text).toContain('1847 Calle Peñasco');
    expect(text).toContain('VIN 7SLAR3C52PA123456');
    expect(text).toContain('2023 Solenne Arden Touring');
    expect(text).toContain('ABA routing: 091000019');
    expect(text).toContain('PO Box 660143');
    expect(text).toContain('release our lien within 10 business days');
    expect(text).toContain('Page 1 of 1');
  });

  it('is written in Spanish when asked', async () => {
    const bytes = await renderPayoffLetter(samplePayoffLetter('es'));
    const text = normalizeSpace(pdfText(bytes));
    expect(text).toContain('Cotización de liquidación');
    expect(text).toContain('Válido hasta el 31 de marzo de 2026');
    expect(text).toContain('Sume $3.4247 por cada día después del 31 de marzo de 2026');
    expect(pdfText(bytes, { layout: true })).toMatch(/Saldo de capital +\$18,219\.04\n/);
    expect(text).toContain('9 de marzo de 2026');
    expect(text).toContain('Página 1 de 1');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('renders the same bytes for the same input, and different ones when an amount changes', async () => {
    const a = await renderPayoffLetter(samplePayoffLetter());
    const b = await renderPayoffLetter(samplePayoffLetter());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const input = samplePayoffLetter();
    const changed = await renderPayoffLetter({
      ...input,
      quote: { ...input.quote, payoff: cents(1_843_218) },
    });
    expect(Buffer.from(changed).equals(Buffer.from(a))).toBe(false);
    expect(pdfText(changed)).toContain('$18,432.18');
  });

  it('leaves out the courier and wire sections when the lender offers neither', async () => {
    const input = samplePayoffLetter();
    const text = pdfText(
      await renderPayoffLetter({
        ...input,
        remittance: { ...input.remittance, overnight: undefined, wire: undefined },
      }),
    );
    expect(text).toContain('By mail');
    expect(text).not.toContain('By wire transfer');
    expect(text).not.toContain('By overnight courier');
  });
});
