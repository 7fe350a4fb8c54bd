import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../../platform/brand.ts';
import { table } from './blocks.ts';
import { PdfComposer } from './composer.ts';
import { formatDate, formatInstant, formatUsd, formatUsdDecimal, maskAccount } from './format.ts';
import { normalizeSpace, pdfText, pdfWords } from './inspect-pdf.ts';
import { drawLetterhead } from './letterhead.ts';
import { parseSimpleSvg } from './svg-logo.ts';

const options = (language: 'en' | 'es' = 'en') => ({
  brand: loadBrand(undefined),
  language,
  title: 'Monthly statement',
  createdAt: '2026-04-01T06:00:00Z',
});

describe('document formatting', () => {
  it('formats cents as dollars with thousands separators, exactly', () => {
    expect(formatUsd(1_843_217)).toBe('$18,432.17');
    expect(formatUsd(5)).toBe('$0.05');
    expect(formatUsd(-500)).toBe('-$5.00');
    expect(formatUsd(100_000_000_00)).toBe('$100,000,000.00');
    expect(formatUsdDecimal('3.4247')).toBe('$3.4247');
    expect(formatUsdDecimal('1234.5')).toBe('$1,234.5');
    expect(() => formatUsd(12.5)).toThrow();
  });

  it('spells dates in English and Spanish, and instants in UTC to the second', () => {
    expect(formatDate('2026-03-31', 'en')).toBe('March 31, 2026');
    expect(formatDate('2026-03-01', 'es')).toBe('1 de marzo de 2026');
    expect(formatInstant('2026-03-02T09:05:33-05:00', 'en')).toBe('March 2, 2026, 14:05:33 UTC');
    expect(() => formatDate('2026-02-30', 'en')).toThrow();
    expect(() => formatInstant('yesterday', 'en')).toThrow();
    expect(maskAccount('000123456789')).toBe('••••6789');
  });
});

describe('layout kit', () => {
  it('wraps text so no line is wider than the frame, cutting words that cannot fit', async () => {
    const c = await PdfComposer.create(options());
    const text =
      'Your payment of $412.37 was received on March 2, 2026 and applied to interest first. '.repeat(4);
    const lines = c.wrap(text, 200);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(c.measure(line)).toBeLessThanOrEqual(200);
    expect(normalizeSpace(lines.join(' '))).toBe(normalizeSpace(text));
    const long = c.wrap(`VIN ${'X'.repeat(80)}`, 100);
    expect(long.every((l) => c.measure(l) <= 100)).toBe(true);
    expect(long.join('').replace(/\s/g, '')).toBe(`VIN${'X'.repeat(80)}`);
  });

  it('breaks a long table across pages, repeating its header, with amounts right-aligned', async () => {
    const c = await PdfComposer.create(options());
    drawLetterhead(c, ['PO Box 660142']);
    const rows = Array.from({ length: 70 }, (_, i) => ({
      cells: [
        `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
        // Every third description wraps to several lines, so some page breaks fall on a tall row.
        i % 3 === 0
          ? `Payment ${i + 1} by ACH from checking ••••6789, applied to interest first, then to principal`
          : `Payment ${i + 1}`,
        formatUsd(1_000 + i * 1_237_19),
      ],
    }));
    table(
      c,
      [
        { header: 'Date', width: 0.25 },
        { header: 'Description', width: 0.5 },
        { header: 'Amount', width: 0.25, align: 'right' },
      ],
      [...rows, { cells: ['', 'Total', '$99.00'], total: true }],
    );
    const bytes = await c.finish();
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    const words = pdfWords(bytes);
    const headers = words.filter((w) => w.text === 'AMOUNT' || w.text === 'Amount');
    expect(new Set(headers.map((w) => w.page)).size).toBe(doc.getPageCount());
    // Every amount ends at the same x: the right edge of the column minus its padding.
    const amounts = words.filter((w) => /^\$[\d,]+\.\d{2}$/.test(w.text));
    expect(amounts).toHaveLength(71);
    const rightEdges = new Set(amounts.map((w) => w.xMax.toFixed(1)));
    expect(rightEdges.size).toBe(1);
    const text = pdfText(bytes);
    expect(text).toContain(`Page 1 of ${doc.getPageCount()}`);
    expect(text).toContain(`Page ${doc.getPageCount()} of ${doc.getPageCount()}`);
    // Pages 2+ carry the running header with the document title.
    expect(text.split('\f')[1]).toContain('Monthly statement');
  });

  it('keeps text off the footer: nothing is drawn below the bottom margin but the footer', async () => {
    const c = await PdfComposer.create(options('es'));
    for (let i = 0; i < 120; i++)
      c.text(`Línea ${i}: pago aplicado a capital e intereses, año ${2026 + (i % 3)}.`);
    const bytes = await c.finish();
    const words = pdfWords(bytes);
    // Body text ends above the bottom margin (66 pt); the footer sits below its rule (40 pt).
    const between = words.filter((w) => w.yMax > 792 - 66 && w.yMin < 792 - 40);
    expect(between).toEqual([]);
    expect(words.filter((w) => w.yMin >= 792 - 40).map((w) => w.text)).toContain('Página');
    expect(pdfText(bytes)).toContain('Página 1 de');
    expect(pdfText(bytes)).toContain('Línea 119: pago aplicado a capital e intereses, año 2028.');
  });

  it('draws characters the font lacks as a plain fallback, never as an empty box', async () => {
    const c = await PdfComposer.create(options());
    c.text('Cliente: Nguyễn Thị Ánh · 王小明');
    const text = pdfText(await c.finish());
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('???');
  });

  it('reads simple SVG logos and refuses ones it cannot draw faithfully', () => {
    // The demo logo: a rounded square, two stroked arcs (one path) and a dot.
    const demo = parseSimpleSvg(loadBrand(undefined).logoSvg);
    expect(demo?.viewBoxWidth).toBe(64);
    expect(demo?.shapes.map((s) => [Boolean(s.fill), Boolean(s.stroke), s.roundCap])).toEqual([
      [true, false, false],
      [false, true, true],
      [true, false, false],
    ]);
    const gradient =
      '<svg viewBox="0 0 10 10"><linearGradient id="g"/><rect width="10" height="10" fill="url(#g)"/></svg>';
    expect(parseSimpleSvg(gradient)).toBeNull();
    expect(parseSimpleSvg('<svg viewBox="0 0 10 10"><g><rect width="10" height="10"/></g></svg>')).toBeNull();
    expect(
      parseSimpleSvg('<svg viewBox="0 0 10 10"><rect width="10" height="10" fill="teal"/></svg>'),
    ).toBeNull();
  });

  it('renders the same bytes for the same input', async () => {
    const render = async () => {
      const c = await PdfComposer.create(options());
      drawLetterhead(c, ['PO Box 660142']);
      c.heading('Statement', 1);
      c.text('Amount due $412.37 by April 15, 2026.');
      return c.finish();
    };
    const [a, b] = await Promise.all([render(), render()]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Monthly statement');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-04-01T06:00:00.000Z');
  });
});
