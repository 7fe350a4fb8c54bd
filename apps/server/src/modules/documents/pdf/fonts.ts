import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import {
  CustomFontEmbedder,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFFont,
  PDFHexString,
  PDFObjectCopier,
  type PDFRef,
} from 'pdf-lib';

/**
 * The embedded typeface: IBM Plex Sans (SIL Open Font License), shipped as TTF files by the
 * `@expo-google-fonts/ibm-plex-sans` package, so documents render offline and identically on
 * every machine. Its figures are tabular, so right-aligned amounts line up digit under digit.
 *
 * Speed matters: the close of business renders a statement per contract. Subsetting a font
 * for every document with fontkit, and compressing it again, costs most of a document's time.
 * So each weight is subset ONCE per process to a fixed repertoire (Latin-1, Latin Extended-A,
 * Vietnamese, general punctuation, € № ™: English and Spanish, and the names of customers of
 * Western and Central European or Vietnamese descent), compressed once, and the finished PDF
 * objects are copied into each document. A document carries ~50 KB of font instead of ~20 KB
 * and renders in about half the time. Characters outside the repertoire print as their
 * unaccented letter (ǖ → u) or '?', never as a blank box.
 * Text is mapped one character to one glyph: Latin needs no shaping; kerning and ligatures go.
 */

export interface DocumentFonts {
  regular: PDFFont;
  bold: PDFFont;
}

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

/** A weight subset and embedded once, in a scratch document, ready to be copied. */
interface FontTemplate {
  context: PDFContext;
  dict: PDFDict;
  name: string;
  /** Code point → 4-digit hex glyph id in the subset. */
  glyphs: Map<number, string>;
  /** Code point → advance width in 1/1000 of the font size. */
  advances: Map<number, number>;
  /** The parsed font and its file, for the metrics pdf-lib's base embedder reads. */
  font: ConstructorParameters<typeof PrebuiltBase>[0];
  bytes: Uint8Array;
}

async function buildTemplate(weight: Weight): Promise<FontTemplate> {
  const require = createRequire(import.meta.url);
  const bytes = new Uint8Array(fs.readFileSync(require.resolve(FILES[weight])));
  const parsed = fontkit.create(bytes);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
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
  return {
    context: doc.context,
    dict: doc.context.lookup(font.ref, PDFDict),
    name: NAMES[weight],
    glyphs,
    advances,
    font: parsed as unknown as FontEmbedderFont,
    bytes,
  };
}

const FALLBACK = '?'.codePointAt(0) as number;

type FontEmbedderFont = CustomFontEmbedder['font'];

/** Exposes the base class's protected constructor, whose metrics (height, size at height) we keep. */
class PrebuiltBase extends CustomFontEmbedder {
  constructor(font: FontEmbedderFont, bytes: Uint8Array, name: string) {
    super(font, bytes, name);
  }
}

/**
 * pdf-lib's embedder for one document, served from a template: text maps to the template's
 * glyph ids and widths, and embedding copies the template's finished objects.
 */
class PrebuiltFontEmbedder extends PrebuiltBase {
  private readonly resolved = new Map<number, number>();

  constructor(private readonly template: FontTemplate) {
    super(template.font, template.bytes, template.name);
  }

  private codePoint(cp: number): number {
    let out = this.resolved.get(cp);
    if (out === undefined) {
      const base = String.fromCodePoint(cp).normalize('NFD').codePointAt(0) as number;
      out = this.template.glyphs.has(cp) ? cp : this.template.glyphs.has(base) ? base : FALLBACK;
      this.resolved.set(cp, out);
    }
    return out;
  }

  override encodeText(text: string): PDFHexString {
    let hex = '';
    for (const ch of text) hex += this.template.glyphs.get(this.codePoint(ch.codePointAt(0) as number));
    return PDFHexString.of(hex);
  }

  override widthOfTextAtSize(text: string, size: number): number {
    let width = 0;
    for (const ch of text)
      width += this.template.advances.get(this.codePoint(ch.codePointAt(0) as number)) ?? 0;
    return (width * size) / 1000;
  }

  override async embedIntoContext(context: PDFContext, ref: PDFRef = context.nextRef()): Promise<PDFRef> {
    context.assign(ref, PDFObjectCopier.for(this.template.context, context).copy(this.template.dict));
    return ref;
  }
}

let templates: Promise<Record<Weight, FontTemplate>> | undefined;

function loadTemplates(): Promise<Record<Weight, FontTemplate>> {
  templates ??= Promise.all([buildTemplate('regular'), buildTemplate('bold')]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return templates;
}

/**
 * Adds the regular and bold weights to `doc`. They are written into the file by
 * {@link embedPreparedFonts}, which must run before `doc.save()` (PdfComposer.finish does).
 */
export async function embedFonts(doc: PDFDocument): Promise<DocumentFonts> {
  const t = await loadTemplates();
  const of = (template: FontTemplate) =>
    PDFFont.of(doc.context.nextRef(), doc, new PrebuiltFontEmbedder(template));
  return { regular: of(t.regular), bold: of(t.bold) };
}

/** Writes the fonts' objects into their document; a font no text used is left out. */
export async function embedPreparedFonts(fonts: DocumentFonts): Promise<void> {
  await fonts.regular.embed();
  await fonts.bold.embed();
}
