/**
 * Colour maths for white-label theming: turn one brand colour into a 10-shade Mantine tuple whose
 * "filled" shade (index 6) always has at least 4.5:1 contrast with white text and with the page
 * background, whatever colour the lender configures.
 */

type Rgb = readonly [number, number, number];
type Lab = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)];
}

export function rgbToHex([r, g, b]: Rgb): string {
  const part = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) => {
  const c = v <= 0.0031308 ? v * 12.92 : 1.055 * Math.max(v, 0) ** (1 / 2.4) - 0.055;
  return c * 255;
};

/** WCAG 2.x relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map(toLinear) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio between two opaque colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function rgbToOklab(rgb: Rgb): Lab {
  const [r, g, b] = rgb.map(toLinear) as unknown as Rgb;
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function oklabToRgb([L, A, B]: Lab): Rgb {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** Mix two colours in OKLab (perceptually even): t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const la = rgbToOklab(hexToRgb(a));
  const lb = rgbToOklab(hexToRgb(b));
  return rgbToHex(
    oklabToRgb([la[0] + (lb[0] - la[0]) * t, la[1] + (lb[1] - la[1]) * t, la[2] + (lb[2] - la[2]) * t]),
  );
}

/** Darken (lower OKLab lightness, keep hue) until `colour` reaches `ratio` against every background. */
export function ensureContrast(colour: string, backgrounds: readonly string[], ratio: number): string {
  const lab = rgbToOklab(hexToRgb(colour));
  let current = colour;
  for (let l = lab[0]; l > 0; l -= 0.01) {
    current = rgbToHex(
      oklabToRgb([l, lab[1] * Math.min(1, l / lab[0] + 0.2), lab[2] * Math.min(1, l / lab[0] + 0.2)]),
    );
    if (backgrounds.every((bg) => contrastRatio(current, bg) >= ratio)) return current;
  }
  return '#000000';
}

export type ColourTuple = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

/**
 * A Mantine colour tuple built around a brand colour. Shade 6 is the brand colour itself when it is
 * dark enough for white text (and for text on `backgrounds`), otherwise the brand hue darkened until it is.
 */
export function brandTuple(brandHex: string, backgrounds: readonly string[] = ['#ffffff']): ColourTuple {
  const base = ensureContrast(brandHex, ['#ffffff', ...backgrounds], 4.6);
  const white = '#ffffff';
  const ink = mix(base, '#000000', 0.75);
  // Tints come from the brand colour as configured, so a light brand keeps its own hue in backgrounds.
  return [
    mix(white, brandHex, 0.05),
    mix(white, brandHex, 0.11),
    mix(white, brandHex, 0.22),
    mix(white, brandHex, 0.36),
    mix(white, brandHex, 0.52),
    mix(white, brandHex, 0.72),
    base,
    mix(base, ink, 0.25),
    mix(base, ink, 0.45),
    mix(base, ink, 0.65),
  ];
}
