import type { Brand } from '@marque/contracts';
import type { RGB } from 'pdf-lib';
import type { BrandConfig } from '../../../platform/brand.ts';
import { type DocumentFont, type DocumentFonts, loadFonts, type SerialisedFonts } from './fonts.ts';
import { type DocumentLanguage, toDate } from './format.ts';
import { drawFooter, drawRunningHeader } from './letterhead.ts';
import { PageCanvas, writePdf } from './pdf-writer.ts';
import { PAGE, type Theme, TYPE, themeFor } from './theme.ts';

/**
 * A small flow-layout engine over our PDF writer (pdf-writer.ts): a cursor moves down the page, text wraps to the
 * current frame, and a page break happens whenever the next line or block would run into the
 * footer. Pages after the first get a running header; every page gets a footer with
 * "Page n of N" when the document is finished.
 */

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  /** Line height as a multiple of the size (default TYPE.leading). */
  leading?: number;
}

export interface ParagraphOptions extends TextStyle {
  align?: 'left' | 'right' | 'center';
  /** Space after the paragraph, in points (default half a line). */
  gapAfter?: number;
}

export interface ComposerOptions {
  /** Name, colours, phone and logo of the lender (see platform/brand.ts). */
  brand: BrandConfig;
  language: DocumentLanguage;
  /** Document title: PDF metadata and the running header of pages 2+. */
  title: string;
  subject?: string;
  /** ISO 8601 instant stored as the PDF's creation date, so the same input gives the same bytes. */
  createdAt: string;
  /** Small print on the left of the footer, e.g. a reference number. */
  footerNote?: string;
}

/** Control characters other than '\n' (Unicode category Cc). */
const CONTROL = /[^\P{Cc}\n]/gu;

export class PdfComposer {
  page!: PageCanvas;
  /** Top of the next line, in points from the bottom of the page. */
  y = 0;
  /** Left edge and width of the frame text flows in (the content column, or a column of it). */
  x: number = PAGE.marginX;
  width: number = PAGE.width - 2 * PAGE.marginX;
  readonly pages: PageCanvas[] = [];
  /** While measuring, nothing is drawn and no page breaks happen; only `y` moves. */
  private measuring = false;
  /** False inside a row of columns, which is placed on one page as a whole. */
  private breaks = true;

  readonly fonts: DocumentFonts;

  private constructor(
    private readonly prepared: SerialisedFonts,
    readonly theme: Theme,
    readonly options: ComposerOptions,
  ) {
    this.fonts = prepared.fonts;
  }

  static async create(options: ComposerOptions): Promise<PdfComposer> {
    const composer = new PdfComposer(await loadFonts(), themeFor(options.brand.brand), options);
    composer.addPage();
    return composer;
  }

  get brand(): Brand {
    return this.options.brand.brand;
  }

  get language(): DocumentLanguage {
    return this.options.language;
  }

  /** Right edge of the current frame. */
  get right(): number {
    return this.x + this.width;
  }

  font(style: TextStyle = {}): DocumentFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? TYPE.body) * (style.leading ?? TYPE.leading);
  }

  measure(text: string, style: TextStyle = {}): number {
    return this.font(style).widthOfTextAtSize(clean(text), style.size ?? TYPE.body);
  }

  /** Draws one line with its baseline at `baseline`; no wrapping, no cursor movement. */
  drawText(text: string, x: number, baseline: number, style: TextStyle = {}): void {
    if (this.measuring) return;
    this.page.drawText(clean(text), {
      x,
      y: baseline,
      size: style.size ?? TYPE.body,
      font: this.font(style),
      color: style.color ?? this.theme.text,
    });
  }

  /** Breaks text into lines no wider than `width`; '\n' starts a new line. */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const font = this.font(style);
    const size = style.size ?? TYPE.body;
    // Widths in font units add up exactly (see DocumentFont.units), so a line's width grows word
    // by word instead of being measured again from its start for every word.
    const fits = (units: number) => (units * size) / 1000 <= width;
    const space = font.units(' ');
    const lines: string[] = [];
    for (const paragraph of clean(text, true).split('\n')) {
      let line = '';
      let lineUnits = 0;
      for (const word of paragraph.split(' ')) {
        const wordUnits = font.units(word);
        const candidate = line === '' ? wordUnits : lineUnits + space + wordUnits;
        if (fits(candidate)) {
          line = line === '' ? word : `${line} ${word}`;
          lineUnits = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        line = word;
        lineUnits = wordUnits;
        // A word wider than the frame (an e-mail address, a long VIN) is cut by characters.
        while (!fits(lineUnits) && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.measure(line.slice(0, cut), style) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
          lineUnits = font.units(line);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** A wrapped paragraph in the current frame, breaking pages between lines as needed. */
  text(content: string, options: ParagraphOptions = {}): void {
    const size = options.size ?? TYPE.body;
    const lh = this.lineHeight(options);
    for (const line of this.wrap(content, this.width, options)) {
      this.ensureSpace(lh);
      const w = this.measure(line, options);
      const x =
        options.align === 'right'
          ? this.right - w
          : options.align === 'center'
            ? this.x + (this.width - w) / 2
            : this.x;
      // Baseline sits so the line's ascenders touch the top of its line box.
      this.drawText(line, x, this.y - size * 0.95 - (lh - size) / 2, options);
      this.y -= lh;
    }
    this.y -= options.gapAfter ?? lh / 2;
  }

  heading(content: string, level: 1 | 2 = 2): void {
    const size = level === 1 ? TYPE.h1 : TYPE.h2;
    this.ensureSpace(this.lineHeight({ size }) + 3 * TYPE.body);
    this.text(content, {
      size,
      bold: true,
      color: level === 1 ? this.theme.text : this.theme.primary,
      gapAfter: 4,
    });
  }

  /** A small upper-case caption above a block, e.g. "ACCOUNT NUMBER". */
  caption(content: string): void {
    this.text(content.toLocaleUpperCase(this.language), {
      size: TYPE.tiny,
      bold: true,
      color: this.theme.muted,
      gapAfter: 1,
    });
  }

  space(points: number): void {
    this.y -= points;
  }

  rule(color: RGB = this.theme.rule, thickness = 0.75): void {
    this.paint((page) =>
      page.drawLine({ start: { x: this.x, y: this.y }, end: { x: this.right, y: this.y }, thickness, color }),
    );
  }

  /** Draws on the current page directly (rectangles, lines, paths), unless only measuring. */
  paint(draw: (page: PageCanvas) => void): void {
    if (!this.measuring) draw(this.page);
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensureSpace(height: number): void {
    if (this.breaks && !this.measuring && this.y - height < PAGE.marginBottom) this.newPage();
  }

  newPage(): void {
    this.addPage();
    drawRunningHeader(this);
  }

  /** Height that `render` would take in the current frame, without drawing anything. */
  measureHeight(render: () => void): number {
    const { y, measuring } = this;
    this.measuring = true;
    try {
      render();
      return y - this.y;
    } finally {
      this.measuring = measuring;
      this.y = y;
    }
  }

  /** Renders into a narrower frame at (`x`, `width`) and restores the frame after. */
  inFrame(x: number, width: number, render: () => void): void {
    const saved = { x: this.x, width: this.width };
    this.x = x;
    this.width = width;
    try {
      render();
    } finally {
      this.x = saved.x;
      this.width = saved.width;
    }
  }

  /**
   * Side-by-side blocks that start at the same height; the cursor ends below the tallest.
   * Widths are fractions of the frame. The row is kept on one page: it moves to the next page
   * whole when it does not fit, and does not break inside.
   */
  columns(parts: ReadonlyArray<{ width: number; render: () => void }>, gap = 24): void {
    const usable = this.width - gap * (parts.length - 1);
    const frames: Array<{ x: number; width: number; render: () => void }> = [];
    let x = this.x;
    for (const part of parts) {
      frames.push({ x, width: usable * part.width, render: part.render });
      x += usable * part.width + gap;
    }
    let tallest = 0;
    for (const f of frames)
      this.inFrame(f.x, f.width, () => (tallest = Math.max(tallest, this.measureHeight(f.render))));
    this.ensureSpace(tallest);
    const top = this.y;
    const breaks = this.breaks;
    this.breaks = false;
    try {
      for (const f of frames) {
        this.y = top;
        this.inFrame(f.x, f.width, f.render);
      }
    } finally {
      this.breaks = breaks;
    }
    this.y = top - tallest;
  }

  /** Adds footers, sets the metadata and serialises. Call once. */
  async finish(): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      drawFooter(this, page, i + 1, total);
    });
    return writePdf(this.prepared, this.pages, {
      title: this.options.title,
      author: this.brand.name,
      ...(this.options.subject ? { subject: this.options.subject } : {}),
      creator: 'Marque',
      producer: 'Marque documents',
      language: this.language === 'es' ? 'es-US' : 'en-US',
      date: toDate(this.options.createdAt),
    });
  }

  private addPage(): void {
    this.page = new PageCanvas();
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.marginTop;
  }
}

/** Any control character, '\n' included: most text has none and is returned as it is. */
const ANY_CONTROL = /\p{Cc}/u;

/** Tabs become spaces and other control characters vanish; '\n' survives only when asked. */
function clean(text: string, keepNewlines = false): string {
  if (!ANY_CONTROL.test(text)) return text;
  const out = text.replace(/\t/g, ' ').replace(/\r\n?/g, '\n').replace(CONTROL, '');
  return keepNewlines ? out : out.replace(/\n/g, ' ');
}
