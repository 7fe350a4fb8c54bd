import { LineCapStyle, type RGB } from 'pdf-lib';
import type { PageCanvas } from './pdf-writer.ts';
import { colorOf } from './theme.ts';

/**
 * Draws a brand's SVG logo into a PDF page, for the simple logos lenders ship as flat shapes:
 * <rect> (with rounded corners), <circle> and <path> with solid fills and strokes. Anything
 * richer (groups, transforms, gradients, text, images) returns false, and the caller draws a
 * monogram instead: a wrong logo on a legal document is worse than a plain one.
 */

interface Shape {
  d: string;
  fill?: RGB;
  stroke?: RGB;
  strokeWidth?: number;
  roundCap: boolean;
}

const UNSUPPORTED =
  /<(g|use|text|image|polygon|polyline|ellipse|line|linearGradient|radialGradient|pattern|mask|clipPath|style)\b|transform=/i;
const NAMED: Readonly<Record<string, string>> = { white: '#ffffff', black: '#000000' };

function attrs(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}

function paint(value: string | undefined): RGB | undefined | null {
  if (value === undefined || value === 'none') return undefined;
  const hex = NAMED[value.toLowerCase()] ?? value;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (short) return colorOf(`#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`);
  return /^#[0-9a-f]{6}$/i.test(hex) ? colorOf(hex) : null;
}

function num(a: Record<string, string>, key: string): number {
  const n = Number(a[key] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function pathOf(tag: string, a: Record<string, string>): string | null {
  if (tag === 'path') return a.d ?? null;
  if (tag === 'circle') {
    const [cx, cy, r] = [num(a, 'cx'), num(a, 'cy'), num(a, 'r')];
    return `M ${cx - r} ${cy} A ${r} ${r} 0 1 0 ${cx + r} ${cy} A ${r} ${r} 0 1 0 ${cx - r} ${cy} Z`;
  }
  const [x, y, w, h] = [num(a, 'x'), num(a, 'y'), num(a, 'width'), num(a, 'height')];
  const r = Math.min(num(a, 'rx') || num(a, 'ry'), w / 2, h / 2);
  if (r <= 0) return `M ${x} ${y} H ${x + w} V ${y + h} H ${x} Z`;
  return [
    `M ${x + r} ${y} H ${x + w - r} A ${r} ${r} 0 0 1 ${x + w} ${y + r}`,
    `V ${y + h - r} A ${r} ${r} 0 0 1 ${x + w - r} ${y + h}`,
    `H ${x + r} A ${r} ${r} 0 0 1 ${x} ${y + h - r}`,
    `V ${y + r} A ${r} ${r} 0 0 1 ${x + r} ${y} Z`,
  ].join(' ');
}

/** The shapes of a simple SVG and its view box width, or null when it is not simple. */
export function parseSimpleSvg(svg: string): { viewBoxWidth: number; shapes: Shape[] } | null {
  if (UNSUPPORTED.test(svg)) return null;
  const root = /<svg\b([^>]*)>/i.exec(svg);
  const viewBox = (attrs(root?.[1] ?? '').viewBox ?? '').split(/[\s,]+/).map(Number);
  const [minX, minY, vbWidth] = viewBox;
  if (viewBox.length !== 4 || minX !== 0 || minY !== 0 || !vbWidth || vbWidth <= 0) return null;
  const shapes: Shape[] = [];
  for (const m of svg.matchAll(/<(rect|circle|path)\b([^>]*)>/gi)) {
    const tag = (m[1] as string).toLowerCase();
    const a = attrs(m[2] as string);
    const d = pathOf(tag, a);
    // SVG fills black by default; an explicit colour we cannot read rejects the whole logo.
    const fill = a.fill === undefined ? colorOf('#000000') : paint(a.fill);
    const stroke = paint(a.stroke);
    if (d === null || fill === null || stroke === null) return null;
    shapes.push({
      d,
      ...(fill ? { fill } : {}),
      ...(stroke ? { stroke, strokeWidth: num(a, 'stroke-width') || 1 } : {}),
      roundCap: a['stroke-linecap'] === 'round',
    });
  }
  return shapes.length > 0 ? { viewBoxWidth: vbWidth, shapes } : null;
}

/** Draws the logo in a `size` × `size` square whose top-left corner is (x, top). */
export function drawSvgLogo(page: PageCanvas, svg: string, x: number, top: number, size: number): boolean {
  const parsed = parseSimpleSvg(svg);
  if (parsed === null) return false;
  const scale = size / parsed.viewBoxWidth;
  for (const s of parsed.shapes) {
    page.drawSvgPath(s.d, {
      x,
      y: top,
      scale,
      ...(s.fill ? { color: s.fill } : {}),
      ...(s.stroke ? { borderColor: s.stroke, borderWidth: s.strokeWidth ?? 1 } : {}),
      ...(s.roundCap ? { borderLineCap: LineCapStyle.Round } : {}),
    });
  }
  return true;
}
