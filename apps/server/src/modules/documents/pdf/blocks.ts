import type { RGB } from 'pdf-lib';
import type { PdfComposer, TextStyle } from './composer.ts';
import { TYPE } from './theme.ts';

/** Block-level pieces built on the composer: tables, label/value lists and shaded boxes. */

export interface TableColumn {
  header: string;
  /** Fraction of the frame width; the fractions of a table add up to 1. */
  width: number;
  /** Amounts are right-aligned so their decimal points line up (the font's figures are tabular). */
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: readonly string[];
  /** A total: bold, with a firm rule above. */
  total?: boolean;
}

export interface TableOptions {
  size?: number;
  /** Shade every other row. */
  zebra?: boolean;
}

const PAD_X = 6;
const PAD_Y = 4.5;

function cellX(
  c: PdfComposer,
  x: number,
  w: number,
  text: string,
  align: 'left' | 'right',
  style: TextStyle,
) {
  return align === 'right' ? x + w - PAD_X - c.measure(text, style) : x + PAD_X;
}

interface LaidOutRow {
  lines: string[][];
  height: number;
}

function layOutRow(
  c: PdfComposer,
  columns: readonly TableColumn[],
  cells: readonly string[],
  style: TextStyle,
): LaidOutRow {
  const lines = columns.map((col, i) => c.wrap(cells[i] ?? '', c.width * col.width - 2 * PAD_X, style));
  return { lines, height: Math.max(...lines.map((l) => l.length)) * c.lineHeight(style) + 2 * PAD_Y };
}

/** Draws a row at the cursor; the caller has made room for it. */
function drawRow(
  c: PdfComposer,
  columns: readonly TableColumn[],
  row: LaidOutRow,
  style: TextStyle,
  fill?: RGB,
): void {
  const size = style.size ?? TYPE.body;
  const lh = c.lineHeight(style);
  const top = c.y;
  if (fill)
    c.paint((page) =>
      page.drawRectangle({ x: c.x, y: top - row.height, width: c.width, height: row.height, color: fill }),
    );
  let x = c.x;
  columns.forEach((col, i) => {
    const w = c.width * col.width;
    (row.lines[i] ?? []).forEach((line, k) => {
      const baseline = top - PAD_Y - k * lh - size * 0.95 - (lh - size) / 2;
      c.drawText(line, cellX(c, x, w, line, col.align ?? 'left', style), baseline, style);
    });
    x += w;
  });
  c.y = top - row.height;
}

/** A table whose header repeats on every page it spans. */
export function table(
  c: PdfComposer,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  options: TableOptions = {},
): void {
  const size = options.size ?? TYPE.body - 0.5;
  const headerStyle = { size: TYPE.tiny + 0.5, bold: true, color: c.theme.primary };
  const header = layOutRow(
    c,
    columns,
    columns.map((col) => col.header),
    headerStyle,
  );
  const drawHeader = () => drawRow(c, columns, header, headerStyle, c.theme.tint);
  const rowStyle = { size };
  const first = rows[0] ? layOutRow(c, columns, rows[0].cells, rowStyle).height : 0;
  // Never leave a header alone at the bottom of a page.
  c.ensureSpace(header.height + first);
  drawHeader();
  rows.forEach((row, i) => {
    const style = { size, bold: row.total === true };
    const laidOut = layOutRow(c, columns, row.cells, style);
    const before = c.pages.length;
    c.ensureSpace(laidOut.height);
    // A fresh page has room for the header and the row that did not fit on the last one.
    if (c.pages.length !== before) drawHeader();
    if (row.total) c.rule(c.theme.text, 0.9);
    drawRow(
      c,
      columns,
      laidOut,
      style,
      options.zebra && i % 2 === 1 && !row.total ? c.theme.tint : undefined,
    );
    if (!row.total) c.rule(c.theme.rule, 0.4);
  });
  c.space(10);
}

export interface KeyValue {
  label: string;
  value: string;
  bold?: boolean;
}

/**
 * Labels on the left, values right-aligned at the frame's edge (account summaries, payoff
 * breakdowns) or, with `alignValues: 'left'`, in a column of their own for text values.
 * `ruled` draws a hairline under each pair.
 */
export function keyValues(
  c: PdfComposer,
  rows: readonly KeyValue[],
  options: { size?: number; ruled?: boolean; valueWidth?: number; alignValues?: 'left' | 'right' } = {},
): void {
  const size = options.size ?? TYPE.body;
  const valueWidth = c.width * (options.valueWidth ?? 0.38);
  for (const row of rows) {
    const style = { size, bold: row.bold === true };
    const lh = c.lineHeight(style);
    const labelLines = c.wrap(row.label, c.width - valueWidth - 8, { size });
    const valueLines = c.wrap(row.value, valueWidth, style);
    const height = Math.max(labelLines.length, valueLines.length) * lh + 4;
    c.ensureSpace(height);
    const top = c.y - 2;
    labelLines.forEach((line, k) => {
      c.drawText(line, c.x, top - k * lh - size * 0.95 - (lh - size) / 2, {
        size,
        color: c.theme.text,
        bold: row.bold,
      });
    });
    valueLines.forEach((line, k) => {
      const x = options.alignValues === 'left' ? c.right - valueWidth : c.right - c.measure(line, style);
      c.drawText(line, x, top - k * lh - size * 0.95 - (lh - size) / 2, style);
    });
    c.y -= height;
    if (options.ruled) c.rule(c.theme.rule, 0.4);
  }
}

export interface BoxOptions {
  fill?: RGB;
  border?: RGB;
  /** A thick bar down the left edge in this colour. */
  accentBar?: RGB;
  padding?: number;
}

/** A shaded box around whatever `render` draws; it is kept on one page. */
export function box(c: PdfComposer, render: () => void, options: BoxOptions = {}): void {
  const pad = options.padding ?? 14;
  const bar = options.accentBar ? 4 : 0;
  const innerX = c.x + pad + bar;
  const innerW = c.width - 2 * pad - bar;
  let height = 0;
  c.inFrame(innerX, innerW, () => {
    height = c.measureHeight(render) + 2 * pad;
  });
  c.ensureSpace(height);
  const top = c.y;
  c.paint((page) => {
    page.drawRectangle({
      x: c.x,
      y: top - height,
      width: c.width,
      height,
      ...(options.fill ? { color: options.fill } : {}),
      ...(options.border ? { borderColor: options.border, borderWidth: 0.75 } : {}),
    });
    if (options.accentBar) {
      page.drawRectangle({ x: c.x, y: top - height, width: bar, height, color: options.accentBar });
    }
  });
  c.y = top - pad;
  c.inFrame(innerX, innerW, render);
  c.y = top - height;
}
