/**
 * Statement PDFs per second on one core: the full monthly statement (statement data from the
 * period's transactions, layout, embedded IBM Plex subset, save, SHA-256 as stored) against a
 * baseline measured in the same run: pdf-lib saving a one-page PDF with one line of text in
 * the same embedded font (PdfComposer.create + finish), i.e. the floor of any PDF we produce.
 *
 *   node --import tsx bench/statements.bench.ts [STATEMENTS]
 *
 * Node renders on one thread, so the rate is per core; the close of business runs one
 * renderer per worker process.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { PdfComposer } from '../apps/server/src/modules/documents/index.ts';
import { renderStatement } from '../apps/server/src/modules/documents/statements/render-statement.ts';
import { statementData } from '../apps/server/src/modules/documents/statements/statement-data.ts';
import {
  sampleStatement,
  sampleStatementInput,
} from '../apps/server/src/modules/documents/statements/statement-fixtures.ts';
import { loadBrand } from '../apps/server/src/platform/brand.ts';

const N = Number(process.argv[2] ?? 1000);
const brand = loadBrand(undefined);

/** A different statement each time (amounts, past due, lease or loan), so nothing is cached by accident. */
function statementAt(i: number) {
  const lease = i % 4 === 3;
  const input = sampleStatementInput({
    paymentCents: 40_000 + (i % 997) * 13,
    pastDueCents: i % 9 === 0 ? 41_250 : 0,
    daysPastDue: i % 9 === 0 ? 12 : 0,
    ...(lease
      ? { type: 'lease', apr: null, mileageAllowancePerYear: 12_000, excessMileageRateCents: 25 }
      : {}),
  });
  input.openingBalanceCents += i * 101;
  const base = sampleStatement(i % 5 === 0 ? 'es' : 'en', input);
  return { ...base, data: statementData(input) };
}

async function statement(i: number): Promise<number> {
  const bytes = await renderStatement(statementAt(i));
  crypto.createHash('sha256').update(bytes).digest('hex');
  return bytes.byteLength;
}

async function emptyPage(i: number): Promise<number> {
  const c = await PdfComposer.create({
    brand,
    language: 'en',
    title: 'Baseline',
    createdAt: '2026-03-20T06:00:00Z',
  });
  c.text(`Account ${i}`);
  return (await c.finish()).byteLength;
}

async function measure(work: (i: number) => Promise<number>, n: number) {
  for (let i = 0; i < Math.min(100, n); i++) await work(i); // warm-up: JIT, font subset
  let bytes = 0;
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) bytes += await work(i);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perSecond: n / wall, perCpuSecond: n / cpuSeconds, avgBytes: Math.round(bytes / n), wall };
}

const baseline = await measure(emptyPage, N);
const ours = await measure(statement, N);
const fmt = (x: number) => x.toFixed(0).padStart(6);
const say = (line: string) => process.stdout.write(`${line}\n`);
say(
  `${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · load ${os.loadavg()[0]?.toFixed(2)} · ${N} documents each`,
);
say('case                         per s (wall)  per CPU-second  avg size');
say(
  `baseline: one-line PDF      ${fmt(baseline.perSecond)}        ${fmt(baseline.perCpuSecond)}    ${(baseline.avgBytes / 1024).toFixed(1)} KB`,
);
say(
  `monthly statement           ${fmt(ours.perSecond)}        ${fmt(ours.perCpuSecond)}    ${(ours.avgBytes / 1024).toFixed(1)} KB`,
);
say(
  `ratio statement ÷ baseline: ${(ours.perCpuSecond / baseline.perCpuSecond).toFixed(2)} (bar: ≥ 200 statements/s/core: ${ours.perCpuSecond >= 200 ? 'met' : 'NOT met'})`,
);
