import { execFileSync } from 'node:child_process';

/**
 * Reads a rendered PDF back the way a person's viewer would, for tests: the text through
 * poppler's `pdftotext` (Debian package poppler-utils, installed by .ci/run), words with their
 * positions, so a test can check what a reader sees rather than what we meant to draw.
 */

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

function pdftotext(bytes: Uint8Array, args: readonly string[]): string {
  try {
    return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', '-', '-'], {
      input: bytes,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils)');
    }
    throw e;
  }
}

/**
 * The document's text, pages separated by form feeds: in reading order, or with `layout` as the
 * page shows it, so a label and the amount beside it end up on one line.
 */
export function pdfText(bytes: Uint8Array, options: { layout?: boolean } = {}): string {
  return pdftotext(bytes, options.layout ? ['-layout'] : []);
}

/** Every word with its box, in points from the page's top-left corner. */
export function pdfWords(bytes: Uint8Array): PdfWord[] {
  const xhtml = pdftotext(bytes, ['-bbox']);
  const words: PdfWord[] = [];
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  xhtml.split('<page ').forEach((chunk, i) => {
    if (i === 0) return;
    for (const m of chunk.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        page: i,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: decode(m[5] as string),
      });
    }
  });
  return words;
}

/** Collapses runs of whitespace so assertions do not depend on line breaks. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
