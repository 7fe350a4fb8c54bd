import {
  BATCH_CONTROL,
  BATCH_HEADER,
  BLOCKING_FACTOR,
  ENTRY_DETAIL,
  entryHashOf,
  FILE_CONTROL,
  FILE_HEADER,
  isDebitCode,
  isoFromYymmdd,
  RECORD_LENGTH,
  RETURN_ADDENDA,
  readRecord,
} from './nacha-records.ts';
import {
  NachaFormatError,
  type ParsedAddenda,
  type ParsedBatch,
  type ParsedEntry,
  type ParsedNachaFile,
} from './nacha-types.ts';

/**
 * Reads a NACHA file back into structured data and checks every control record against the
 * entries (counts, entry hash, debit and credit totals, block count), so a truncated or edited
 * file is refused rather than half-imported.
 *
 * `lenient` is for files from banks: lines whose trailing spaces were stripped are padded back,
 * and the last block need not be filled with 9s. Files we wrote ourselves are read strictly.
 */
export interface ParseOptions {
  lenient?: boolean;
}

const ALL_NINES = '9'.repeat(RECORD_LENGTH);

class Cursor {
  index = 0;
  constructor(readonly lines: readonly string[]) {}
  get lineNo(): number {
    return this.index + 1;
  }
  peekType(): string | undefined {
    return this.lines[this.index]?.[0];
  }
  take(type: string, what: string): string {
    const line = this.lines[this.index];
    if (line === undefined || line[0] !== type) {
      throw new NachaFormatError(this.lineNo, `expected ${what} (record type ${type})`);
    }
    this.index++;
    return line;
  }
}

function num(value: string | undefined, line: number, name: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new NachaFormatError(line, `${name} is not numeric`);
  return Number(value);
}

function digits(value: string | undefined, line: number, name: string): string {
  num(value, line, name);
  return value as string;
}

function date(value: string | undefined, line: number, name: string): string {
  const iso = isoFromYymmdd(value ?? '');
  if (iso === null) throw new NachaFormatError(line, `${name} is not a date YYMMDD`);
  return iso;
}

function expectEqual(actual: string | number, expected: string | number, line: number, name: string): void {
  if (actual !== expected) {
    throw new NachaFormatError(line, `${name} is ${actual} but the records add up to ${expected}`);
  }
}

function parseAddenda(line: string, lineNo: number): ParsedAddenda {
  const type = line.slice(1, 3);
  if (type !== '99') return { addendaType: type, body: line.slice(3) };
  const r = readRecord(RETURN_ADDENDA, line);
  const returnCode = (r.returnCode ?? '').trim();
  if (!/^R\d{2}$/.test(returnCode)) throw new NachaFormatError(lineNo, `return reason code "${returnCode}"`);
  const death = (r.dateOfDeath ?? '').trim();
  return {
    addendaType: '99',
    returnCode,
    originalTraceNumber: digits(r.originalTraceNumber, lineNo, 'original entry trace number'),
    dateOfDeath: death === '' ? null : date(death, lineNo, 'date of death'),
    originalReceivingDfi: digits(r.originalReceivingDfi, lineNo, 'original receiving DFI'),
    addendaInformation: (r.addendaInformation ?? '').trim(),
    traceNumber: digits(r.traceNumber, lineNo, 'addenda trace number'),
  };
}

function parseEntry(cursor: Cursor): ParsedEntry {
  const lineNo = cursor.lineNo;
  const r = readRecord(ENTRY_DETAIL, cursor.take('6', 'an entry detail record'));
  const indicator = num(r.addendaRecordIndicator, lineNo, 'addenda record indicator');
  const entry: ParsedEntry = {
    transactionCode: num(r.transactionCode, lineNo, 'transaction code'),
    receivingDfiRouting: digits(`${r.receivingDfi}${r.checkDigit}`, lineNo, 'receiving DFI'),
    dfiAccountNumber: (r.dfiAccountNumber ?? '').trim(),
    amountCents: num(r.amount, lineNo, 'amount'),
    individualId: (r.individualId ?? '').trim(),
    individualName: (r.individualName ?? '').trim(),
    discretionaryData: (r.discretionaryData ?? '').trim(),
    traceNumber: digits(r.traceNumber, lineNo, 'trace number'),
    addenda: [],
  };
  while (cursor.peekType() === '7') {
    const addendaLine = cursor.lineNo;
    entry.addenda.push(parseAddenda(cursor.take('7', 'an addenda record'), addendaLine));
  }
  if ((indicator === 1) !== entry.addenda.length > 0) {
    throw new NachaFormatError(
      lineNo,
      'addenda record indicator does not match the addenda records that follow',
    );
  }
  return entry;
}

function parseBatch(cursor: Cursor): ParsedBatch {
  const headerLine = cursor.lineNo;
  const h = readRecord(BATCH_HEADER, cursor.take('5', 'a batch header record'));
  const entries: ParsedEntry[] = [];
  while (cursor.peekType() === '6') entries.push(parseEntry(cursor));
  const controlLine = cursor.lineNo;
  const c = readRecord(BATCH_CONTROL, cursor.take('8', 'an entry or a batch control record'));
  const batch: ParsedBatch = {
    batchNumber: num(h.batchNumber, headerLine, 'batch number'),
    serviceClassCode: num(h.serviceClassCode, headerLine, 'service class code'),
    secCode: (h.secCode ?? '').trim(),
    companyName: (h.companyName ?? '').trim(),
    companyDiscretionaryData: (h.companyDiscretionaryData ?? '').trim(),
    companyId: (h.companyId ?? '').trim(),
    entryDescription: (h.entryDescription ?? '').trim(),
    companyDescriptiveDate: (h.companyDescriptiveDate ?? '').trim(),
    effectiveEntryDate: date(h.effectiveEntryDate, headerLine, 'effective entry date'),
    originatingDfi: digits(h.originatingDfi, headerLine, 'originating DFI'),
    entries,
    entryAddendaCount: num(c.entryAddendaCount, controlLine, 'entry/addenda count'),
    entryHash: digits(c.entryHash, controlLine, 'entry hash'),
    totalDebitCents: num(c.totalDebit, controlLine, 'total debit amount'),
    totalCreditCents: num(c.totalCredit, controlLine, 'total credit amount'),
  };
  const count = entries.reduce((n, e) => n + 1 + e.addenda.length, 0);
  const debit = entries.reduce((n, e) => n + (isDebitCode(e.transactionCode) ? e.amountCents : 0), 0);
  const credit = entries.reduce((n, e) => n + (isDebitCode(e.transactionCode) ? 0 : e.amountCents), 0);
  expectEqual(
    num(c.serviceClassCode, controlLine, 'service class'),
    batch.serviceClassCode,
    controlLine,
    'service class code',
  );
  expectEqual(
    num(c.batchNumber, controlLine, 'batch number'),
    batch.batchNumber,
    controlLine,
    'batch number',
  );
  expectEqual(batch.entryAddendaCount, count, controlLine, 'entry/addenda count');
  expectEqual(
    batch.entryHash,
    entryHashOf(entries.map((e) => e.receivingDfiRouting.slice(0, 8))),
    controlLine,
    'entry hash',
  );
  expectEqual(batch.totalDebitCents, debit, controlLine, 'total debit amount');
  expectEqual(batch.totalCreditCents, credit, controlLine, 'total credit amount');
  return batch;
}

function splitLines(text: string, lenient: boolean): string[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    if (line.length === RECORD_LENGTH) return line;
    if (lenient && line.length < RECORD_LENGTH && line.length > 0) return line.padEnd(RECORD_LENGTH, ' ');
    throw new NachaFormatError(i + 1, `record is ${line.length} characters, not ${RECORD_LENGTH}`);
  });
}

export function parseNachaFile(text: string, options: ParseOptions = {}): ParsedNachaFile {
  const lenient = options.lenient === true;
  const cursor = new Cursor(splitLines(text, lenient));
  const h = readRecord(FILE_HEADER, cursor.take('1', 'the file header record'));
  if (h.recordSize !== '094' || h.blockingFactor !== '10') {
    throw new NachaFormatError(1, 'record size must be 094 and blocking factor 10');
  }
  const batches: ParsedBatch[] = [];
  while (cursor.peekType() === '5') batches.push(parseBatch(cursor));
  const controlLine = cursor.lineNo;
  const c = readRecord(FILE_CONTROL, cursor.take('9', 'a batch header or the file control record'));
  const recordCount = cursor.index;
  for (let i = cursor.index; i < cursor.lines.length; i++) {
    if (cursor.lines[i] !== ALL_NINES)
      throw new NachaFormatError(i + 1, 'only all-9 filler may follow the file control');
  }
  if (!lenient && cursor.lines.length % BLOCKING_FACTOR !== 0) {
    throw new NachaFormatError(0, 'the file is not a whole number of 10-record blocks');
  }
  const time = digits(h.fileCreationTime, 1, 'file creation time');
  const file: ParsedNachaFile = {
    immediateDestination: (h.immediateDestination ?? '').trim(),
    immediateDestinationName: (h.immediateDestinationName ?? '').trim(),
    immediateOrigin: (h.immediateOrigin ?? '').trim(),
    immediateOriginName: (h.immediateOriginName ?? '').trim(),
    fileCreationDate: date(h.fileCreationDate, 1, 'file creation date'),
    fileCreationTime: `${time.slice(0, 2)}:${time.slice(2, 4)}`,
    fileIdModifier: h.fileIdModifier ?? '',
    referenceCode: (h.referenceCode ?? '').trim(),
    batches,
    batchCount: num(c.batchCount, controlLine, 'batch count'),
    blockCount: num(c.blockCount, controlLine, 'block count'),
    entryAddendaCount: num(c.entryAddendaCount, controlLine, 'entry/addenda count'),
    entryHash: digits(c.entryHash, controlLine, 'entry hash'),
    totalDebitCents: num(c.totalDebit, controlLine, 'total debit amount'),
    totalCreditCents: num(c.totalCredit, controlLine, 'total credit amount'),
  };
  expectEqual(file.batchCount, batches.length, controlLine, 'batch count');
  expectEqual(file.blockCount, Math.ceil(recordCount / BLOCKING_FACTOR), controlLine, 'block count');
  expectEqual(
    file.entryAddendaCount,
    batches.reduce((n, b) => n + b.entryAddendaCount, 0),
    controlLine,
    'entry/addenda count',
  );
  expectEqual(file.entryHash, entryHashOf(batches.map((b) => b.entryHash)), controlLine, 'entry hash');
  expectEqual(
    file.totalDebitCents,
    batches.reduce((n, b) => n + b.totalDebitCents, 0),
    controlLine,
    'total debit amount',
  );
  expectEqual(
    file.totalCreditCents,
    batches.reduce((n, b) => n + b.totalCreditCents, 0),
    controlLine,
    'total credit amount',
  );
  return file;
}
