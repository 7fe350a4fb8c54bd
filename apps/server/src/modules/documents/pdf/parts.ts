import type { PdfComposer, TextStyle } from './composer.ts';
import { TYPE } from './theme.ts';

/** Small recurring pieces of letters and statements. */

export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter state code. */
  state: string;
  postalCode: string;
}

/** US mailing format: street lines, then "City, ST 12345". */
export function addressLines(a: PostalAddress): string[] {
  return [a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.postalCode}`];
}

/** A caption over a value, e.g. "ACCOUNT NUMBER / 4417-2093-88". */
export function stackedBlock(c: PdfComposer, label: string, value: string): void {
  c.caption(label);
  c.text(value, { bold: true, gapAfter: 7 });
}

/** A bulleted list with hanging indents, so wrapped lines align with the text, not the bullet. */
export function bullets(c: PdfComposer, items: readonly string[], style: TextStyle = {}): void {
  const indent = 12;
  const size = style.size ?? TYPE.body;
  for (const item of items) {
    const lh = c.lineHeight(style);
    c.ensureSpace(lh);
    c.drawText('•', c.x + 2, c.y - size * 0.95 - (lh - size) / 2, { ...style, color: c.theme.primary });
    c.inFrame(c.x + indent, c.width - indent, () => c.text(item, { ...style, gapAfter: 3 }));
  }
}

/** Closing, space for a signature, and the signing department. */
export function signature(c: PdfComposer, closing: string, lines: readonly string[]): void {
  const draw = () => {
    c.text(closing, { gapAfter: 12 });
    lines.forEach((line, i) => {
      c.text(line, { bold: i === 0, gapAfter: 0 });
    });
  };
  c.ensureSpace(c.measureHeight(draw));
  draw();
}
