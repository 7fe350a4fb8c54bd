import {
  BATCH_CONTROL,
  BATCH_HEADER,
  BLOCKING_FACTOR,
  ENTRY_DETAIL,
  entryHashOf,
  FILE_CONTROL,
  FILE_HEADER,
  formatRecord,
  isDebitCode,
  RECORD_LENGTH,
  RETURN_ADDENDA,
  yymmdd,
} from './nacha-records.ts';
import {
  type NachaBatchContent,
  type NachaFileContent,
  NachaInputError,
  type ParsedAddenda,
  type ParsedEntry,
} from './nacha-types.ts';

/**
 * Lays out already-validated content as a NACHA file and computes every control total. Shared by
 * the origination writer and the returns-file builder; validation of user input happens before.
 */

const MAX_TOTAL_CENTS = 10 ** 12; // 12-digit dollar-amount fields in the control records

export interface AssembledTotals {
  entryAddendaCount: number;
  entryHash: string;
  totalDebitCents: number;
  totalCreditCents: number;
}

export interface AssembledFile extends AssembledTotals {
  content: string;
  batchCount: number;
  blockCount: number;
}

function addendaRecord(a: ParsedAddenda): string {
  if ('returnCode' in a) {
    return formatRecord(RETURN_ADDENDA, {
      recordType: '7',
      addendaType: '99',
      returnCode: a.returnCode,
      originalTraceNumber: a.originalTraceNumber,
      dateOfDeath: a.dateOfDeath === null ? '' : yymmdd(a.dateOfDeath),
      originalReceivingDfi: a.originalReceivingDfi,
      addendaInformation: a.addendaInformation,
      traceNumber: a.traceNumber,
    });
  }
  return `7${a.addendaType}${a.body}`.padEnd(RECORD_LENGTH, ' ').slice(0, RECORD_LENGTH);
}

function entryRecord(e: ParsedEntry): string {
  return formatRecord(ENTRY_DETAIL, {
    recordType: '6',
    transactionCode: e.transactionCode,
    receivingDfi: e.receivingDfiRouting.slice(0, 8),
    checkDigit: e.receivingDfiRouting.slice(8, 9),
    dfiAccountNumber: e.dfiAccountNumber,
    amount: e.amountCents,
    individualId: e.individualId,
    individualName: e.individualName,
    discretionaryData: e.discretionaryData,
    addendaRecordIndicator: e.addenda.length > 0 ? '1' : '0',
    traceNumber: e.traceNumber,
  });
}

function checkTotal(cents: number, field: string): void {
  if (cents >= MAX_TOTAL_CENTS) {
    throw new NachaInputError(field, 'total_too_large', `${field} exceeds the 12-digit amount field`);
  }
}

function batchRecords(b: NachaBatchContent, index: number): { lines: string[]; totals: AssembledTotals } {
  const lines = [
    formatRecord(BATCH_HEADER, {
      recordType: '5',
      serviceClassCode: b.serviceClassCode,
      companyName: b.companyName,
      companyDiscretionaryData: b.companyDiscretionaryData,
      companyId: b.companyId,
      secCode: b.secCode,
      entryDescription: b.entryDescription,
      companyDescriptiveDate: b.companyDescriptiveDate,
      effectiveEntryDate: yymmdd(b.effectiveEntryDate),
      settlementDate: '',
      originatorStatusCode: '1',
      originatingDfi: b.originatingDfi,
      batchNumber: b.batchNumber,
    }),
  ];
  let debit = 0;
  let credit = 0;
  for (const e of b.entries) {
    lines.push(entryRecord(e));
    for (const a of e.addenda) lines.push(addendaRecord(a));
    if (isDebitCode(e.transactionCode)) debit += e.amountCents;
    else credit += e.amountCents;
  }
  checkTotal(debit, `batches[${index}].totalDebit`);
  checkTotal(credit, `batches[${index}].totalCredit`);
  const totals: AssembledTotals = {
    entryAddendaCount: lines.length - 1,
    entryHash: entryHashOf(b.entries.map((e) => e.receivingDfiRouting.slice(0, 8))),
    totalDebitCents: debit,
    totalCreditCents: credit,
  };
  lines.push(
    formatRecord(BATCH_CONTROL, {
      recordType: '8',
      serviceClassCode: b.serviceClassCode,
      entryAddendaCount: totals.entryAddendaCount,
      entryHash: totals.entryHash,
      totalDebit: debit,
      totalCredit: credit,
      companyId: b.companyId,
      messageAuthenticationCode: '',
      reserved: '',
      originatingDfi: b.originatingDfi,
      batchNumber: b.batchNumber,
    }),
  );
  return { lines, totals };
}

export function assembleNachaFile(file: NachaFileContent): AssembledFile {
  const lines = [
    formatRecord(FILE_HEADER, {
      recordType: '1',
      priorityCode: '01',
      immediateDestination: file.immediateDestination.padStart(10, ' '),
      immediateOrigin: file.immediateOrigin.padStart(10, ' '),
      fileCreationDate: yymmdd(file.fileCreationDate),
      fileCreationTime: file.fileCreationTime.replace(':', ''),
      fileIdModifier: file.fileIdModifier,
      recordSize: '094',
      blockingFactor: '10',
      formatCode: '1',
      immediateDestinationName: file.immediateDestinationName,
      immediateOriginName: file.immediateOriginName,
      referenceCode: file.referenceCode,
    }),
  ];
  let count = 0;
  let debit = 0;
  let credit = 0;
  const hashes: string[] = [];
  file.batches.forEach((b, i) => {
    const { lines: batchLines, totals } = batchRecords(b, i);
    lines.push(...batchLines);
    count += totals.entryAddendaCount;
    debit += totals.totalDebitCents;
    credit += totals.totalCreditCents;
    hashes.push(totals.entryHash);
  });
  checkTotal(debit, 'totalDebit');
  checkTotal(credit, 'totalCredit');
  // The file's entry hash is the sum of the batches' hashes, cut to 10 digits again.
  const entryHash = entryHashOf(hashes);
  const blockCount = Math.ceil((lines.length + 1) / BLOCKING_FACTOR);
  lines.push(
    formatRecord(FILE_CONTROL, {
      recordType: '9',
      batchCount: file.batches.length,
      blockCount,
      entryAddendaCount: count,
      entryHash,
      totalDebit: debit,
      totalCredit: credit,
      reserved: '',
    }),
  );
  // Fill the last block with all-9 records so the file is a whole number of 10-record blocks.
  while (lines.length % BLOCKING_FACTOR !== 0) lines.push('9'.repeat(RECORD_LENGTH));
  return {
    content: lines.join('\n'),
    batchCount: file.batches.length,
    blockCount,
    entryAddendaCount: count,
    entryHash,
    totalDebitCents: debit,
    totalCreditCents: credit,
  };
}
