import type { PdfComposer } from './composer.ts';
import type { PageCanvas } from './pdf-writer.ts';
import { drawSvgLogo } from './svg-logo.ts';
import { PAGE, TYPE } from './theme.ts';

/**
 * The branded parts of every page: a letterhead on page one (colour band, logo, lender name and
 * contact lines), a slim running header on later pages, and a footer with the page number.
 */

const BAND = 6;
const LOGO = 34;

/** The first letter of the brand's short name in a rounded square, when the logo cannot be drawn. */
function drawMonogram(c: PdfComposer, page: PageCanvas, x: number, top: number): void {
  const r = 7;
  const d = `M ${r} 0 H ${LOGO - r} A ${r} ${r} 0 0 1 ${LOGO} ${r} V ${LOGO - r} A ${r} ${r} 0 0 1 ${LOGO - r} ${LOGO} H ${r} A ${r} ${r} 0 0 1 0 ${LOGO - r} V ${r} A ${r} ${r} 0 0 1 ${r} 0 Z`;
  page.drawSvgPath(d, { x, y: top, color: c.theme.primary });
  const letters = c.brand.shortName.slice(0, 1).toUpperCase();
  const size = 17;
  const w = c.fonts.bold.widthOfTextAtSize(letters, size);
  page.drawText(letters, {
    x: x + (LOGO - w) / 2,
    y: top - LOGO / 2 - size * 0.36,
    size,
    font: c.fonts.bold,
    color: c.theme.white,
  });
}

/**
 * Page-one letterhead. `contactLines` (the lender's mailing address, a website) are set
 * right-aligned opposite the name.
 */
export function drawLetterhead(c: PdfComposer, contactLines: readonly string[] = []): void {
  const top = PAGE.height - PAGE.marginTop + 8;
  c.paint((page) => {
    page.drawRectangle({
      x: 0,
      y: PAGE.height - BAND,
      width: PAGE.width,
      height: BAND,
      color: c.theme.primary,
    });
    if (!drawSvgLogo(page, c.options.brand.logoSvg, c.x, top, LOGO)) drawMonogram(c, page, c.x, top);
  });
  const textX = c.x + LOGO + 12;
  c.drawText(c.brand.name, textX, top - 15, { size: 15, bold: true, color: c.theme.primary });
  c.drawText(`${c.brand.supportPhone}  ·  ${c.brand.supportHours}`, textX, top - 29, {
    size: TYPE.small,
    color: c.theme.muted,
  });
  contactLines.forEach((line, i) => {
    const style = { size: TYPE.small, color: c.theme.muted, bold: i === 0 };
    c.drawText(line, c.right - c.measure(line, style), top - 8 - i * 11.5, style);
  });
  c.y = top - Math.max(LOGO, contactLines.length * 11.5) - 14;
  c.rule(c.theme.rule, 0.75);
  c.space(20);
}

/** Pages 2+: the lender's name and the document title over a hairline. */
export function drawRunningHeader(c: PdfComposer): void {
  const baseline = PAGE.height - PAGE.marginTop + 4;
  c.paint((page) => {
    page.drawRectangle({
      x: 0,
      y: PAGE.height - BAND / 2,
      width: PAGE.width,
      height: BAND / 2,
      color: c.theme.primary,
    });
  });
  c.drawText(c.brand.name, c.x, baseline, { size: TYPE.small, bold: true, color: c.theme.primary });
  const title = c.options.title;
  const style = { size: TYPE.small, color: c.theme.muted };
  c.drawText(title, c.right - c.measure(title, style), baseline, style);
  c.y = baseline - 8;
  c.rule();
  c.space(22);
}

const PAGE_LABEL = {
  en: (n: number, total: number) => `Page ${n} of ${total}`,
  es: (n: number, total: number) => `Página ${n} de ${total}`,
} as const;

export function drawFooter(c: PdfComposer, page: PageCanvas, n: number, total: number): void {
  const x = PAGE.marginX;
  const right = PAGE.width - PAGE.marginX;
  const lineY = PAGE.marginBottom - 26;
  page.drawLine({ start: { x, y: lineY }, end: { x: right, y: lineY }, thickness: 0.5, color: c.theme.rule });
  const size = TYPE.tiny;
  const baseline = lineY - 12;
  const left = c.options.footerNote ?? `${c.brand.name}  ·  ${c.brand.supportPhone}`;
  page.drawText(left, { x, y: baseline, size, font: c.fonts.regular, color: c.theme.muted });
  const label = PAGE_LABEL[c.language](n, total);
  const w = c.fonts.regular.widthOfTextAtSize(label, size);
  page.drawText(label, { x: right - w, y: baseline, size, font: c.fonts.regular, color: c.theme.muted });
}
