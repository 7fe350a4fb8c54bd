import { assembleNachaFile } from './assemble-nacha-file.ts';
import {
  nachaId,
  nachaName,
  requireAmount,
  requireDigits,
  requireIsoDate,
  requireRouting,
  requireTime,
} from './nacha-text.ts';
import {
  type NachaBatchContent,
  type NachaBatchInput,
  type NachaEntryInput,
  type NachaFileInput,
  type NachaFileResult,
  NachaInputError,
  type ParsedEntry,
  type WrittenEntry,
} from './nacha-types.ts';

/**
 * Writes a NACHA file of consumer debits (service class 225): PPD batches for autopay, WEB
 * batches for portal payments. Pure: the creation date and time come from the caller, and the
 * same input always gives the same bytes.
 *
 * Trace numbers are the batch's originating DFI (8 digits) followed by a 7-digit sequence. Give
 * an entry its own `traceNumber` to control them; otherwise they are numbered in file order from
 * `firstTraceSequence`. Either way they come back in `entries` for the caller to store, because a
 * return names the original entry only by its trace number.
 */

const SERVICE_CLASS_DEBITS_ONLY = 225;
const ACCOUNT_NUMBER = /^[A-Z0-9-]+$/;
const MAX_TRACE_SEQUENCE = 9_999_999;

interface TraceState {
  next: number;
  seen: Set<string>;
}

function entryContent(
  e: NachaEntryInput,
  batch: NachaBatchInput,
  path: string,
  trace: TraceState,
): ParsedEntry {
  if (e.transactionCode !== 27 && e.transactionCode !== 37) {
    throw new NachaInputError(
      `${path}.transactionCode`,
      'invalid_transaction_code',
      'Only checking (27) and savings (37) debits can be originated',
    );
  }
  if (batch.secCode === 'WEB' && e.paymentType !== 'S' && e.paymentType !== 'R') {
    throw new NachaInputError(`${path}.paymentType`, 'required', 'WEB entries need payment type S or R');
  }
  if (batch.secCode === 'PPD' && e.paymentType !== undefined) {
    throw new NachaInputError(`${path}.paymentType`, 'not_allowed', 'PPD entries carry no payment type');
  }
  let traceNumber: string;
  if (e.traceNumber === undefined) {
    if (trace.next > MAX_TRACE_SEQUENCE) {
      throw new NachaInputError(`${path}.traceNumber`, 'trace_overflow', 'trace sequence exceeds 7 digits');
    }
    traceNumber = batch.originatingDfi + String(trace.next++).padStart(7, '0');
  } else {
    traceNumber = requireDigits(e.traceNumber, 15, `${path}.traceNumber`);
    if (!traceNumber.startsWith(batch.originatingDfi)) {
      throw new NachaInputError(
        `${path}.traceNumber`,
        'invalid_trace',
        'a trace number starts with the originating DFI id',
      );
    }
  }
  if (trace.seen.has(traceNumber)) {
    throw new NachaInputError(`${path}.traceNumber`, 'duplicate_trace', `trace ${traceNumber} is used twice`);
  }
  trace.seen.add(traceNumber);
  return {
    transactionCode: e.transactionCode,
    receivingDfiRouting: requireRouting(e.receivingDfiRouting, `${path}.receivingDfiRouting`),
    dfiAccountNumber: nachaId(e.dfiAccountNumber, `${path}.dfiAccountNumber`, 17, ACCOUNT_NUMBER),
    amountCents: requireAmount(e.amountCents, 10, `${path}.amountCents`),
    individualId: nachaId(e.individualId, `${path}.individualId`, 15),
    individualName: nachaName(e.individualName, `${path}.individualName`, 22),
    discretionaryData: e.paymentType ?? '',
    traceNumber,
    addenda: [],
  };
}

function batchContent(b: NachaBatchInput, index: number, trace: TraceState): NachaBatchContent {
  const path = `batches[${index}]`;
  if (b.secCode !== 'PPD' && b.secCode !== 'WEB') {
    throw new NachaInputError(`${path}.secCode`, 'invalid_sec_code', 'SEC code must be PPD or WEB');
  }
  requireDigits(b.originatingDfi, 8, `${path}.originatingDfi`);
  if (!Array.isArray(b.entries) || b.entries.length === 0) {
    throw new NachaInputError(`${path}.entries`, 'empty_batch', 'a batch needs at least one entry');
  }
  return {
    batchNumber: index + 1,
    serviceClassCode: SERVICE_CLASS_DEBITS_ONLY,
    secCode: b.secCode,
    companyName: nachaName(b.companyName, `${path}.companyName`, 16),
    companyDiscretionaryData: nachaName(
      b.companyDiscretionaryData ?? '',
      `${path}.companyDiscretionaryData`,
      20,
      false,
    ),
    companyId: nachaId(b.companyId, `${path}.companyId`, 10),
    entryDescription: nachaName(b.entryDescription, `${path}.entryDescription`, 10),
    companyDescriptiveDate: nachaName(
      b.companyDescriptiveDate ?? '',
      `${path}.companyDescriptiveDate`,
      6,
      false,
    ),
    effectiveEntryDate: requireIsoDate(b.effectiveEntryDate, `${path}.effectiveEntryDate`),
    originatingDfi: b.originatingDfi,
    entries: b.entries.map((e, i) => entryContent(e, b, `${path}.entries[${i}]`, trace)),
  };
}

function immediateOrigin(value: string): string {
  if (typeof value === 'string' && /^\d{9}$/.test(value)) return requireRouting(value, 'immediateOrigin');
  return nachaId(value, 'immediateOrigin', 10, /^[A-Z0-9]{10}$/);
}

export function writeNachaFile(input: NachaFileInput): NachaFileResult {
  if (!/^[A-Z0-9]$/.test(input.fileIdModifier ?? '')) {
    throw new NachaInputError('fileIdModifier', 'invalid_format', 'file id modifier is one of A-Z or 0-9');
  }
  if (!Array.isArray(input.batches) || input.batches.length === 0) {
    throw new NachaInputError('batches', 'no_batches', 'a file needs at least one batch');
  }
  const first = input.firstTraceSequence ?? 1;
  if (!Number.isSafeInteger(first) || first < 1) {
    throw new NachaInputError(
      'firstTraceSequence',
      'invalid_format',
      'firstTraceSequence is a positive integer',
    );
  }
  const trace: TraceState = { next: first, seen: new Set() };
  const batches = input.batches.map((b, i) => batchContent(b, i, trace));
  const assembled = assembleNachaFile({
    immediateDestination: requireRouting(input.immediateDestination, 'immediateDestination'),
    immediateDestinationName: nachaName(input.immediateDestinationName, 'immediateDestinationName', 23),
    immediateOrigin: immediateOrigin(input.immediateOrigin),
    immediateOriginName: nachaName(input.immediateOriginName, 'immediateOriginName', 23),
    fileCreationDate: requireIsoDate(input.fileCreationDate, 'fileCreationDate'),
    fileCreationTime: requireTime(input.fileCreationTime, 'fileCreationTime'),
    fileIdModifier: input.fileIdModifier,
    referenceCode: nachaName(input.referenceCode ?? '', 'referenceCode', 8, false),
    batches,
  });
  const entries: WrittenEntry[] = batches.flatMap((b) =>
    b.entries.map((e) => ({
      batchNumber: b.batchNumber,
      traceNumber: e.traceNumber,
      individualId: e.individualId,
      amountCents: e.amountCents,
    })),
  );
  return { ...assembled, entries };
}
