import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalizeSpace, pdfText } from './pdf/inspect-pdf.ts';
import { renderAutopayAuthorization } from './render-autopay-authorization.ts';
import { AUTOPAY_TEXT_EN, AUTOPAY_TEXT_ES, sampleAutopayAuthorization } from './test-fixtures.ts';

describe('renderAutopayAuthorization', () => {
  it('is a one-page copy titled for the account, created at the given instant', async () => {
    const bytes = await renderAutopayAuthorization(sampleAutopayAuthorization());
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Autopay authorization · 4417-5520-13');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-02T14:05:41.000Z');
  });

  it('carries the exact text accepted, its version, and when and from where it was accepted', async () => {
    const text = normalizeSpace(pdfText(await renderAutopayAuthorization(sampleAutopayAuthorization())));
    expect(text).toContain(normalizeSpace(AUTOPAY_TEXT_EN));
    expect(text).toContain('autopay-2026-01');
    expect(text).toContain('March 2, 2026, 14:05:33 UTC');
    expect(text).toContain('203.0.113.24');
    expect(text).toContain('AP-7Q4K-2M9X');
  });

  it('states the account masked, the amount rule, the draft day and how to stop with 3 business days notice', async () => {
    const text = normalizeSpace(pdfText(await renderAutopayAuthorization(sampleAutopayAuthorization())));
    expect(text).toContain('Checking ••••6789 at Solenne Community Bank (routing 064097729)');
    expect(text).toContain('plus $50.00 toward principal');
    expect(text).toContain('at least 10 days before the payment');
    expect(text).toContain('3 days before each due date');
    expect(text).toContain('First payment March 12, 2026');
    expect(text).toContain('Tell us at least 3 business days before a scheduled payment');
    expect(text).toContain('Maya Thompson');
  });

  it('describes a fixed amount without promising varying-amount notices', async () => {
    const input = {
      ...sampleAutopayAuthorization(),
      amount: { kind: 'fixed' as const, amountCents: 41_237 },
    };
    const text = normalizeSpace(pdfText(await renderAutopayAuthorization(input)));
    expect(text).toContain('$412.37 each month');
    expect(text).not.toContain('10 days before');
  });

  it('is written in Spanish when asked', async () => {
    const bytes = await renderAutopayAuthorization(sampleAutopayAuthorization('es'));
    const text = normalizeSpace(pdfText(bytes));
    expect(text).toContain('Autorización de pago automático');
    expect(text).toContain(normalizeSpace(AUTOPAY_TEXT_ES));
    expect(text).toContain('2 de marzo de 2026, 14:05:33 UTC');
    expect(text).toContain('Cuenta corriente ••••6789 en Solenne Community Bank');
    expect(text).toContain('Avísenos al menos 3 días hábiles antes de un pago programado');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('renders the same bytes for the same input', async () => {
    const [a, b] = await Promise.all([
      renderAutopayAuthorization(sampleAutopayAuthorization()),
      renderAutopayAuthorization(sampleAutopayAuthorization()),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
