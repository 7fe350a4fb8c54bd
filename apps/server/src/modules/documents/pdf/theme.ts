import type { Brand } from '@marque/contracts';
import { type RGB, rgb } from 'pdf-lib';

/** Colours and type scale of every Marque document; brand colours come from the BrandConfig. */
export interface Theme {
  primary: RGB;
  accent: RGB;
  /** A pale wash of the primary colour for shaded boxes and table headers. */
  tint: RGB;
  text: RGB;
  muted: RGB;
  rule: RGB;
  white: RGB;
}

export const TYPE = {
  body: 10,
  small: 8.5,
  tiny: 7.5,
  h1: 17,
  h2: 12,
  /** Line height as a multiple of the font size. */
  leading: 1.42,
} as const;

/** US Letter, in points. */
export const PAGE = { width: 612, height: 792, marginX: 60, marginTop: 50, marginBottom: 66 } as const;

function hex(color: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return [0.2, 0.2, 0.2];
  return [1, 2, 3].map((i) => Number.parseInt(m[i] as string, 16) / 255) as [number, number, number];
}

function mix(color: [number, number, number], white: number): RGB {
  const [r, g, b] = color.map((c) => c + (1 - c) * white) as [number, number, number];
  return rgb(r, g, b);
}

export function colorOf(color: string): RGB {
  const [r, g, b] = hex(color);
  return rgb(r, g, b);
}

export function themeFor(brand: Pick<Brand, 'primaryColor' | 'accentColor'>): Theme {
  return {
    primary: colorOf(brand.primaryColor),
    accent: colorOf(brand.accentColor),
    tint: mix(hex(brand.primaryColor), 0.93),
    text: rgb(0.11, 0.14, 0.17),
    muted: rgb(0.36, 0.4, 0.44),
    rule: rgb(0.82, 0.85, 0.87),
    white: rgb(1, 1, 1),
  };
}
