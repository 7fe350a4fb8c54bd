import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../../platform/brand.ts';
import { PdfComposer } from './composer.ts';
import { pdfText } from './inspect-pdf.ts';
import { drawLetterhead } from './letterhead.ts';
import { PageCanvas } from './pdf-writer.ts';

async function twoPages(): Promise<Uint8Array> {
  const c = await PdfComposer.create({
    brand: loadBrand(undefined),
    language: 'es',
    title: 'Estado de cuenta · Año 2026',
    subject: 'Señal (prueba) \\ barra',
    createdAt: '2026-04-01T06:00:00Z',
  });
  drawLetterhead(c, ['PO Box 660142']);
  for (let i = 0; i < 70; i++) c.text(`Línea ${i}: pago aplicado, año ${2026 + (i % 3)}.`);
  return c.finish();
}

describe('pdf writer', () => {
  it('writes a cross-reference table whose every offset points at its object', async () => {
    const bytes = Buffer.from(await twoPages());
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.7\n%')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
    expect(Number(first)).toBe(0);
    const entries = text
      .slice(startxref)
      .split('\n')
      .slice(2, 2 + Number(count));
    expect(entries[0]).toBe('0000000000 65535 f ');
    entries.slice(1).forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj\n`.length)).toBe(`${i + 1} 0 obj\n`);
    });
    expect(text).toContain(`/Size ${count}`);
  });

  it('is read back by another PDF library: pages, metadata, language, text with accents', async () => {
    const bytes = await twoPages();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(doc.getTitle()).toBe('Estado de cuenta · Año 2026');
    expect(doc.getSubject()).toBe('Señal (prueba) \\ barra');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-04-01T06:00:00.000Z');
    expect(doc.catalog.get(doc.context.obj('Lang') as never)?.toString()).toBe('(es-US)');
    const text = pdfText(bytes);
    expect(text).toContain('Línea 69: pago aplicado, año 2026.');
    expect(text).toContain(`Página ${pages} de ${pages}`);
  });

  it('paints rectangles as pdf-lib did: fill, border, both, and black when given neither', () => {
    const teal = rgb(0, 0.5, 0.5);
    const page = new PageCanvas();
    page.drawRectangle({ x: 1, y: 2, width: 3, height: 4, color: teal });
    page.drawRectangle({ x: 1, y: 2, width: 3, height: 4, borderColor: teal, borderWidth: 0.75 });
    page.drawRectangle({
      x: 1,
      y: 2,
      width: 3,
      height: 4,
      color: teal,
      borderColor: teal,
      borderWidth: 0.75,
    });
    page.drawRectangle({ x: 1, y: 2, width: 3, height: 4 });
    expect(page.content().split('Q\n').slice(0, 4)).toEqual([
      'q\n0 0.5 0.5 rg\n0 w\n1 2 3 4 re\nf\n',
      'q\n0 0.5 0.5 RG\n0.75 w\n1 2 3 4 re\nS\n',
      'q\n0 0.5 0.5 rg\n0 0.5 0.5 RG\n0.75 w\n1 2 3 4 re\nB\n',
      'q\n0 0 0 rg\n0 w\n1 2 3 4 re\nf\n',
    ]);
  });
});
