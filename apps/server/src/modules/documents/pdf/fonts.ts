import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFContext, PDFDict, PDFDocument, PDFObjectCopier } from 'pdf-lib';

/**
 * The embedded typeface: IBM Plex Sans (SIL Open Font License), shipped as TTF files by the
 * `@expo-google-fonts/ibm-plex-sans` package, so documents render offline and identically on
 * every machine. Its figures are tabular, so right-aligned amounts line up digit under digit.
 *
 * Speed matters: the close of business renders a statement per contract. Subsetting a font
 * for every document with fontkit, and compressing it again, costs most of a document's time.
 * So each weight is subset ONCE per process to a fixed repertoire (Latin-1, Latin Extended-A,
 * Vietnamese, general punctuation, € № ™: English and Spanish, and the names of customers of
 * Western and Central European or Vietnamese descent), compressed once, and serialised once
 * into finished PDF objects (font file, widths, descriptor, ToUnicode map) with fixed object
 * numbers; every document starts with those bytes (see pdf-writer.ts). A document carries
 * ~50 KB of font instead of ~20 KB and renders several times faster. Characters outside the
 * repertoire print as their unaccented letter (ǖ → u) or '?', never as a blank box.
 * Text is mapped one character to one glyph: Latin needs no shaping; kerning and ligatures go.
 */

const FILES = {
  regular: '@expo-google-fonts/ibm-plex-sans/400Regular/IBMPlexSans_400Regular.ttf',
  bold: '@expo-google-fonts/ibm-plex-sans/600SemiBold/IBMPlexSans_600SemiBold.ttf',
} as const;

// A subset's PDF name carries a six-letter tag (PDF 32000-1, 9.6.4).
const NAMES = { regular: 'MRQREG+IBMPlexSans', bold: 'MRQSEM+IBMPlexSans-SemiBold' } as const;

type Weight = keyof typeof FILES;

const REPERTOIRE: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x1a0, 0x1a1],
  [0x1af, 0x1b0],
  [0x1ea0, 0x1ef9],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
];

/** Code points below this are resolved into flat tables up front; the repertoire ends below it. */
const TABLE_SIZE = 0x2200;
const FALLBACK = '?'.codePointAt(0) as number;

/**
 * One weight of the typeface as a document uses it: the resource name its text operators
 * refer to, widths for layout and glyph ids for the text operators.
 */
export class DocumentFont {
  /** Resolved code point → advance in 1/1000 of the font size, and → 4-digit hex glyph id. */
  private readonly advanceTable = new Float64Array(TABLE_SIZE);
  private readonly hexTable: string[] = new Array<string>(TABLE_SIZE);
  private readonly beyond = new Map<number, number>();

  constructor(
    /** Name of the font in each page's resources, e.g. "F1". */
    readonly key: string,
    private readonly glyphs: Map<number, string>,
    private readonly advances: Map<number, number>,
  ) {
    for (let cp = 0; cp < TABLE_SIZE; cp++) {
      const r = this.resolve(cp);
      this.advanceTable[cp] = advances.get(r) ?? 0;
      this.hexTable[cp] = glyphs.get(r) as string;
    }
  }

  /** The code point drawn for `cp`: itself, its unaccented base letter, or '?'. */
  private resolve(cp: number): number {
    if (this.glyphs.has(cp)) return cp;
    const base = String.fromCodePoint(cp).normalize('NFD').codePointAt(0) as number;
    return this.glyphs.has(base) ? base : FALLBACK;
  }

  private resolveBeyond(cp: number): number {
    let out = this.beyond.get(cp);
    if (out === undefined) {
      out = this.resolve(cp);
      this.beyond.set(cp, out);
    }
    return out;
  }

  /** Glyph ids of `text` as hex digits, for a `<…> Tj` operator. */
  encodeText(text: string): string {
    let hex = '';
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < TABLE_SIZE) {
        hex += this.hexTable[unit];
        continue;
      }
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      hex += this.glyphs.get(this.resolveBeyond(cp));
    }
    return hex;
  }

  /**
   * Width of `text` in 1/1000 of the font size. IBM Plex's advances are whole units (1000 per
   * em), so widths of pieces add up exactly: wrapping extends a line's width word by word.
   */
  units(text: string): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < TABLE_SIZE) {
        width += this.advanceTable[unit] as number;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      width += this.advances.get(this.resolveBeyond(cp)) ?? 0;
    }
    return width;
  }

  widthOfTextAtSize(text: string, size: number): number {
    return (this.units(text) * size) / 1000;
  }
}

export interface DocumentFonts {
  regular: DocumentFont;
  bold: DocumentFont;
}

/** The fonts' PDF objects, serialised once, numbered 1…count, ready to open every file. */
export interface SerialisedFonts {
  fonts: DocumentFonts;
  /** Object number of each weight's Type0 font dictionary. */
  refs: Record<Weight, number>;
  /** `n 0 obj … endobj` for objects 1…count, back to back. */
  bytes: Uint8Array;
  /** Offset of object n in `bytes` at index n - 1. */
  offsets: number[];
}

/** A weight subset to the repertoire and embedded in `doc` (pdf-lib does the subsetting). */
async function subsetWeight(doc: PDFDocument, weight: Weight) {
  const require = createRequire(import.meta.url);
  const bytes = new Uint8Array(fs.readFileSync(require.resolve(FILES[weight])));
  const parsed = fontkit.create(bytes);
  const font = await doc.embedFont(bytes, { subset: true, customName: NAMES[weight] });
  const glyphs = new Map<number, string>();
  const advances = new Map<number, number>();
  for (const [from, to] of REPERTOIRE) {
    for (let cp = from; cp <= to; cp++) {
      if (!parsed.hasGlyphForCodePoint(cp)) continue;
      const ch = String.fromCodePoint(cp);
      // pdf-lib's subset embedder assigns the glyph its id in the subset as it encodes it.
      glyphs.set(cp, font.encodeText(ch).toString().slice(1, -1));
      advances.set(cp, font.widthOfTextAtSize(ch, 1000));
    }
  }
  await font.embed();
  return { dict: doc.context.lookup(font.ref, PDFDict), glyphs, advances };
}

async function serialiseFonts(): Promise<SerialisedFonts> {
  const scratch = await PDFDocument.create({ updateMetadata: false });
  scratch.registerFontkit(fontkit);
  const regular = await subsetWeight(scratch, 'regular');
  const bold = await subsetWeight(scratch, 'bold');
  // Copying into an empty context numbers just the fonts' objects, from 1.
  const context = PDFContext.create();
  const copier = PDFObjectCopier.for(scratch.context, context);
  const refs = {
    regular: context.register(copier.copy(regular.dict)).objectNumber,
    bold: context.register(copier.copy(bold.dict)).objectNumber,
  };
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber !== offsets.length + 1) throw new Error('font objects are not numbered 1…n');
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    const chunk = Buffer.concat([
      Buffer.from(`${ref.objectNumber} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n\n', 'latin1'),
    ]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  }
  return {
    fonts: {
      regular: new DocumentFont('F1', regular.glyphs, regular.advances),
      bold: new DocumentFont('F2', bold.glyphs, bold.advances),
    },
    refs,
    bytes: Buffer.concat(chunks),
    offsets,
  };
}

let serialised: Promise<SerialisedFonts> | undefined;

/** The regular and bold weights, prepared on first use and shared by every document after. */
export function loadFonts(): Promise<SerialisedFonts> {
  serialised ??= serialiseFonts();
  return serialised;
}
