import zlib from 'node:zlib';
import { type Color, degrees, drawSvgPath, type LineCapStyle, type RGB, rgb } from 'pdf-lib';
import type { DocumentFont, SerialisedFonts } from './fonts.ts';

/**
 * Writes Marque's PDFs directly: page content as PDF operators in a string, and the file
 * (fonts, catalog, pages, info, cross-reference table) as bytes. pdf-lib built a tree of
 * objects for every operator and number and walked it again to save, which was most of a
 * statement's time and garbage; what we draw is a small fixed set of operations (text in two
 * fonts, filled and stroked rectangles, lines, the logo's paths), so we write them ourselves.
 * The drawing methods take the same options as pdf-lib's PDFPage ones, and draw the same.
 */

/**
 * Numbers as JavaScript writes them (the shortest exact form, as pdf-lib did, so pages raster
 * exactly as before), except tiny values, which String() writes as "1e-7" and PDF cannot read.
 */
function num(v: number): string {
  return v > -1e-6 && v < 1e-6 ? '0' : String(v);
}

const colours = new WeakMap<object, string>();

/** r g b at full precision (colours repeat, so each is formatted once). */
function rgbOf(color: RGB | Color): string {
  let out = colours.get(color);
  if (out === undefined) {
    const c = color as RGB;
    out = `${c.red} ${c.green} ${c.blue}`;
    colours.set(color, out);
  }
  return out;
}

export interface DrawTextOptions {
  x: number;
  y: number;
  size: number;
  font: DocumentFont;
  color: RGB;
}

export interface DrawRectangleOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  color?: RGB;
  borderColor?: RGB;
  borderWidth?: number;
}

export interface DrawLineOptions {
  start: { x: number; y: number };
  end: { x: number; y: number };
  thickness: number;
  color: RGB;
}

export interface DrawSvgPathOptions {
  x: number;
  y: number;
  scale?: number;
  color?: RGB;
  borderColor?: RGB;
  borderWidth?: number;
  borderLineCap?: LineCapStyle;
}

const BLACK = rgb(0, 0, 0);

/** Logos and monograms are the same on every first page: their operators are built once. */
const svgCache = new Map<string, string>();

/** One page's content stream. */
export class PageCanvas {
  private ops = '';

  drawText(text: string, o: DrawTextOptions): void {
    this.ops += `BT\n${rgbOf(o.color)} rg\n/${o.font.key} ${num(o.size)} Tf\n1 0 0 1 ${num(o.x)} ${num(o.y)} Tm\n<${o.font.encodeText(text)}> Tj\nET\n`;
  }

  drawRectangle(o: DrawRectangleOptions): void {
    const width = o.borderWidth ?? 0;
    // Like pdf-lib's PDFPage: with neither colour, the rectangle is filled black.
    const color = o.color ?? (o.borderColor ? undefined : BLACK);
    const paint = color && width ? 'B' : color ? 'f' : 'S';
    this.ops += `q\n${color ? `${rgbOf(color)} rg\n` : ''}${o.borderColor ? `${rgbOf(o.borderColor)} RG\n` : ''}${num(width)} w\n${num(o.x)} ${num(o.y)} ${num(o.width)} ${num(o.height)} re\n${paint}\nQ\n`;
  }

  drawLine(o: DrawLineOptions): void {
    this.ops += `q\n${rgbOf(o.color)} RG\n${num(o.thickness)} w\n${num(o.start.x)} ${num(o.start.y)} m\n${num(o.end.x)} ${num(o.end.y)} l\nS\nQ\n`;
  }

  /** An SVG path (y down) with its top-left at (x, y), as pdf-lib's drawSvgPath draws it. */
  drawSvgPath(d: string, o: DrawSvgPathOptions): void {
    const key = JSON.stringify([
      d,
      o.x,
      o.y,
      o.scale,
      o.color,
      o.borderColor,
      o.borderWidth,
      o.borderLineCap,
    ]);
    let ops = svgCache.get(key);
    if (ops === undefined) {
      ops = `${drawSvgPath(d, {
        x: o.x,
        y: o.y,
        rotate: degrees(0),
        scale: o.scale,
        color: o.color,
        // pdf-lib's PDFPage strokes in black when given neither colour.
        borderColor: o.color || o.borderColor ? o.borderColor : BLACK,
        borderWidth: o.borderWidth ?? 0,
        borderLineCap: o.borderLineCap,
      })
        .map((op) => op.toString())
        .join('\n')}\n`;
      if (svgCache.size < 64) svgCache.set(key, ops);
    }
    this.ops += ops;
  }

  /** The operators drawn so far. */
  content(): string {
    return this.ops;
  }
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  creator: string;
  producer: string;
  /** BCP 47 language of the text, e.g. "es-US". */
  language: string;
  /** Creation and modification date. */
  date: Date;
}

/** A text string as UTF-16BE with a byte-order mark, in hex (PDF 32000-1, 7.9.2.2). */
function textString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `${hex}>`;
}

function dateString(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `(D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`;
}

/** A literal string of printable ASCII (BCP 47 tags), escaped as PDF 32000-1, 7.3.4.2 asks. */
function asciiString(text: string): string {
  return `(${text.replace(/[^\x20-\x7e]/g, '').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

// A binary comment on line two tells transfer tools the file is binary (PDF 32000-1, 7.5.2).
const HEADER = Buffer.from([...Buffer.from('%PDF-1.7\n%', 'latin1'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x0a]);

/**
 * The whole file: the prepared font objects (1…k), then catalog, page tree and info, then
 * each page and its content stream, deflated with Node's native zlib.
 */
export function writePdf(fonts: SerialisedFonts, pages: readonly PageCanvas[], info: PdfInfo): Uint8Array {
  const first = fonts.offsets.length + 1;
  const catalog = first;
  const tree = first + 1;
  const infoRef = first + 2;
  const pageRef = (i: number) => first + 3 + 2 * i;
  const chunks: Buffer[] = [
    HEADER,
    Buffer.from(fonts.bytes.buffer, fonts.bytes.byteOffset, fonts.bytes.length),
  ];
  const offsets = fonts.offsets.map((o) => o + HEADER.length);
  let length = HEADER.length + fonts.bytes.length;
  const add = (chunk: Buffer) => {
    offsets.push(length);
    chunks.push(chunk);
    length += chunk.length;
  };
  const object = (n: number, body: string) => add(Buffer.from(`${n} 0 obj\n${body}\nendobj\n\n`, 'latin1'));

  object(
    catalog,
    `<<\n/Type /Catalog\n/Pages ${tree} 0 R\n/ViewerPreferences <<\n/DisplayDocTitle true\n>>\n/Lang ${asciiString(info.language)}\n>>`,
  );
  const kids = pages.map((_, i) => `${pageRef(i)} 0 R`).join(' ');
  object(tree, `<<\n/Type /Pages\n/Kids [ ${kids} ]\n/Count ${pages.length}\n>>`);
  const date = dateString(info.date);
  object(
    infoRef,
    `<<\n/Title ${textString(info.title)}\n/Author ${textString(info.author)}\n${info.subject ? `/Subject ${textString(info.subject)}\n` : ''}/Creator ${textString(info.creator)}\n/Producer ${textString(info.producer)}\n/CreationDate ${date}\n/ModDate ${date}\n>>`,
  );
  const resources = `<<\n/Font <<\n/${fonts.fonts.regular.key} ${fonts.refs.regular} 0 R\n/${fonts.fonts.bold.key} ${fonts.refs.bold} 0 R\n>>\n>>`;
  pages.forEach((page, i) => {
    const n = pageRef(i);
    object(
      n,
      `<<\n/Type /Page\n/Parent ${tree} 0 R\n/MediaBox [ 0 0 612 792 ]\n/Resources ${resources}\n/Contents ${n + 1} 0 R\n>>`,
    );
    const stream = zlib.deflateSync(Buffer.from(page.content(), 'latin1'), { level: 6 });
    offsets.push(length);
    const head = Buffer.from(
      `${n + 1} 0 obj\n<<\n/Length ${stream.length}\n/Filter /FlateDecode\n>>\nstream\n`,
      'latin1',
    );
    const tail = Buffer.from('\nendstream\nendobj\n\n', 'latin1');
    chunks.push(head, stream, tail);
    length += head.length + stream.length + tail.length;
  });

  const size = offsets.length + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<<\n/Size ${size}\n/Root ${catalog} 0 R\n/Info ${infoRef} 0 R\n>>\nstartxref\n${length}\n%%EOF`;
  chunks.push(Buffer.from(xref, 'latin1'));
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
