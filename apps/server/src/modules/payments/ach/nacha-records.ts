/**
 * NACHA record layouts, one table per record type, shared by the writer and the parsers so a
 * field's position is written down exactly once. Positions are 1-based and inclusive, as in the
 * NACHA Operating Rules, Appendix Three ("ACH Record Format Specifications").
 *
 * Why not a library: the npm packages for NACHA files (`nach2`, `@ach/ach`,
 * `@midlandsbank/node-nacha`) are untyped, unmaintained for years and pull in moment/lodash or
 * resolve modules from the global install path; none parses returns. The format is six fixed-width
 * record types, so owning it costs less than wrapping one of them.
 */

export const RECORD_LENGTH = 94;
export const BLOCKING_FACTOR = 10;

/** N: numeric, right-justified, zero-filled. A: alphanumeric, left-justified, space-filled. */
type Kind = 'N' | 'A';

export interface Field {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
}

export type Layout = readonly Field[];

function f(name: string, start: number, end: number, kind: Kind): Field {
  return { name, start, end, kind };
}

/** File Header Record, type 1. */
export const FILE_HEADER: Layout = [
  f('recordType', 1, 1, 'N'),
  f('priorityCode', 2, 3, 'N'),
  f('immediateDestination', 4, 13, 'A'), // b + 9-digit routing
  f('immediateOrigin', 14, 23, 'A'),
  f('fileCreationDate', 24, 29, 'N'), // YYMMDD
  f('fileCreationTime', 30, 33, 'N'), // HHMM
  f('fileIdModifier', 34, 34, 'A'),
  f('recordSize', 35, 37, 'N'), // 094
  f('blockingFactor', 38, 39, 'N'), // 10
  f('formatCode', 40, 40, 'N'), // 1
  f('immediateDestinationName', 41, 63, 'A'),
  f('immediateOriginName', 64, 86, 'A'),
  f('referenceCode', 87, 94, 'A'),
];

/** Company/Batch Header Record, type 5. */
export const BATCH_HEADER: Layout = [
  f('recordType', 1, 1, 'N'),
  f('serviceClassCode', 2, 4, 'N'),
  f('companyName', 5, 20, 'A'),
  f('companyDiscretionaryData', 21, 40, 'A'),
  f('companyId', 41, 50, 'A'),
  f('secCode', 51, 53, 'A'),
  f('entryDescription', 54, 63, 'A'),
  f('companyDescriptiveDate', 64, 69, 'A'),
  f('effectiveEntryDate', 70, 75, 'N'), // YYMMDD
  f('settlementDate', 76, 78, 'A'), // Julian day, inserted by the ACH operator: blank
  f('originatorStatusCode', 79, 79, 'A'), // 1 = depository financial institution
  f('originatingDfi', 80, 87, 'N'),
  f('batchNumber', 88, 94, 'N'),
];

/** Entry Detail Record, type 6 (PPD and WEB share it; 77-78 is the WEB payment type code). */
export const ENTRY_DETAIL: Layout = [
  f('recordType', 1, 1, 'N'),
  f('transactionCode', 2, 3, 'N'),
  f('receivingDfi', 4, 11, 'N'),
  f('checkDigit', 12, 12, 'N'),
  f('dfiAccountNumber', 13, 29, 'A'),
  f('amount', 30, 39, 'N'), // cents
  f('individualId', 40, 54, 'A'),
  f('individualName', 55, 76, 'A'),
  f('discretionaryData', 77, 78, 'A'),
  f('addendaRecordIndicator', 79, 79, 'N'),
  f('traceNumber', 80, 94, 'N'),
];

/** Addenda Record for returns, type 7 with addenda type code 99. */
export const RETURN_ADDENDA: Layout = [
  f('recordType', 1, 1, 'N'),
  f('addendaType', 2, 3, 'N'), // 99
  f('returnCode', 4, 6, 'A'),
  f('originalTraceNumber', 7, 21, 'N'),
  f('dateOfDeath', 22, 27, 'A'), // YYMMDD or blank
  f('originalReceivingDfi', 28, 35, 'N'),
  f('addendaInformation', 36, 79, 'A'),
  f('traceNumber', 80, 94, 'N'), // the return entry's own trace number
];

/** Company/Batch Control Record, type 8. */
export const BATCH_CONTROL: Layout = [
  f('recordType', 1, 1, 'N'),
  f('serviceClassCode', 2, 4, 'N'),
  f('entryAddendaCount', 5, 10, 'N'),
  f('entryHash', 11, 20, 'N'),
  f('totalDebit', 21, 32, 'N'),
  f('totalCredit', 33, 44, 'N'),
  f('companyId', 45, 54, 'A'),
  f('messageAuthenticationCode', 55, 73, 'A'),
  f('reserved', 74, 79, 'A'),
  f('originatingDfi', 80, 87, 'N'),
  f('batchNumber', 88, 94, 'N'),
];

/** File Control Record, type 9. */
export const FILE_CONTROL: Layout = [
  f('recordType', 1, 1, 'N'),
  f('batchCount', 2, 7, 'N'),
  f('blockCount', 8, 13, 'N'),
  f('entryAddendaCount', 14, 21, 'N'),
  f('entryHash', 22, 31, 'N'),
  f('totalDebit', 32, 43, 'N'),
  f('totalCredit', 44, 55, 'N'),
  f('reserved', 56, 94, 'A'),
];

export type RecordValues = Readonly<Record<string, string | number>>;

/**
 * Lays values out in a record. Callers validate and cut user text first; a value that still does
 * not fit is a bug here, so it throws a plain Error rather than a user-facing one.
 */
export function formatRecord(layout: Layout, values: RecordValues): string {
  let out = '';
  for (const field of layout) {
    const width = field.end - field.start + 1;
    const raw = values[field.name];
    const text = raw === undefined ? '' : String(raw);
    if (text.length > width) throw new Error(`NACHA field ${field.name} "${text}" exceeds ${width}`);
    if (field.kind === 'N' && !/^\d*$/.test(text)) throw new Error(`NACHA field ${field.name} not numeric`);
    out += field.kind === 'N' ? text.padStart(width, '0') : text.padEnd(width, ' ');
  }
  if (out.length !== RECORD_LENGTH) throw new Error(`NACHA layout produced ${out.length} characters`);
  return out;
}

/** Reads a record's fields as untrimmed strings keyed by field name. */
export function readRecord(layout: Layout, line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of layout) out[field.name] = line.slice(field.start - 1, field.end);
  return out;
}

/** YYMMDD for an ISO date. */
export function yymmdd(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/**
 * ISO date for YYMMDD. NACHA carries two-digit years; ACH entries are never more than a few
 * days from today, so the 2000s are the only century that applies.
 */
export function isoFromYymmdd(s: string): string | null {
  if (!/^\d{6}$/.test(s)) return null;
  return `20${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
}

/** The ABA check digit for the first 8 digits of a routing number (weights 3, 7, 1). */
export function abaCheckDigit(first8: string): string {
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += (first8.charCodeAt(k) - 48) * (weights[k] as number);
  return String((10 - (sum % 10)) % 10);
}

/** The rightmost 10 digits of a sum of 8-digit DFI ids (the entry hash rule). */
export function entryHashOf(dfiIds: readonly string[]): string {
  let sum = 0n;
  for (const id of dfiIds) sum += BigInt(id);
  return (sum % 10_000_000_000n).toString().padStart(10, '0');
}

/** Transaction codes whose second digit is 5-9 debit the receiver's account (returns of debits too). */
export function isDebitCode(code: number): boolean {
  return code % 10 >= 5;
}
