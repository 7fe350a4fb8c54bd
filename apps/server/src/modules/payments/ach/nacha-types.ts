import type { IsoDate } from '@marque/finance';
import { BusinessRuleError, ValidationError } from '../../../platform/errors.ts';

/**
 * Types of the NACHA (ACH) files Marque originates and receives.
 *
 * Marque only originates consumer debits: PPD for autopay (a standing written authorisation) and
 * WEB for payments the customer starts in the portal. Returned entries come back as transaction
 * codes 26/36 with an addenda record of type 99.
 */

export type SecCode = 'PPD' | 'WEB';

/** 27 = checking debit, 37 = savings debit: the only entries Marque originates. */
export type DebitTransactionCode = 27 | 37;

/** WEB payment type code (positions 77-78): S = single entry, R = recurring. */
export type WebPaymentType = 'S' | 'R';

/** The file header fields callers give and the parser returns alike. */
export interface NachaFileHeader {
  /** 9-digit routing number of the bank the file is sent to (our ODFI or its ACH operator). */
  immediateDestination: string;
  immediateDestinationName: string;
  /** 9-digit routing number, or a 10-character id such as '1' + EIN, as the bank assigned it. */
  immediateOrigin: string;
  immediateOriginName: string;
  fileCreationDate: IsoDate;
  /** Written as 'HH:MM' or 'HHMM' (24-hour, the bank's time zone); parsed back as 'HH:MM'. */
  fileCreationTime: string;
  /** A-Z or 0-9; distinguishes files created on the same date. */
  fileIdModifier: string;
}

/** File header data. Dates and times are passed in: the writer never reads a clock. */
export interface NachaFileInput extends NachaFileHeader {
  /** Optional 8-character reference for our own use. */
  referenceCode?: string;
  /** Sequence of the first automatically numbered trace (default 1). */
  firstTraceSequence?: number;
  batches: readonly NachaBatchInput[];
}

export interface NachaBatchInput {
  secCode: SecCode;
  /** Name the customer sees on the bank statement; upper-cased, cut to 16. */
  companyName: string;
  companyDiscretionaryData?: string;
  /** 10 characters as agreed with the ODFI, usually '1' + EIN. */
  companyId: string;
  /** Shown on the customer's statement, e.g. 'AUTOPAY' or 'LOAN PMT'; cut to 10. */
  entryDescription: string;
  /** Optional free text such as 'MAR 26'; cut to 6. */
  companyDescriptiveDate?: string;
  effectiveEntryDate: IsoDate;
  /** First 8 digits of the ODFI's routing number; also the first 8 digits of every trace. */
  originatingDfi: string;
  entries: readonly NachaEntryInput[];
}

export interface NachaEntryInput {
  transactionCode: DebitTransactionCode;
  /** 9-digit ABA routing number of the customer's bank (8-digit id + check digit). */
  receivingDfiRouting: string;
  /** Customer's account number, up to 17 letters, digits or hyphens. */
  dfiAccountNumber: string;
  amountCents: number;
  /** Our payment confirmation number; up to 15 characters. */
  individualId: string;
  /** Account holder's name; upper-cased, cut to 22. */
  individualName: string;
  /** Required for WEB, not allowed for PPD. */
  paymentType?: WebPaymentType;
  /** 15 digits starting with the batch's originating DFI; assigned in order when omitted. */
  traceNumber?: string;
}

/** One entry as written, so the caller can store trace numbers against its payments. */
export interface WrittenEntry {
  batchNumber: number;
  traceNumber: string;
  individualId: string;
  amountCents: number;
}

export interface NachaFileResult {
  /** The file: 94-character records joined by '\n', padded to a multiple of 10 records. */
  content: string;
  entries: WrittenEntry[];
  batchCount: number;
  entryAddendaCount: number;
  entryHash: string;
  totalDebitCents: number;
  totalCreditCents: number;
  blockCount: number;
}

/** Addenda record of type 99: the reason an entry came back. */
export interface ReturnAddenda {
  addendaType: '99';
  returnCode: string;
  originalTraceNumber: string;
  dateOfDeath: IsoDate | null;
  /** 8 digits. */
  originalReceivingDfi: string;
  addendaInformation: string;
  traceNumber: string;
}

/** Addenda records the parser reads but does not interpret (05 payment info, 98 change notices). */
export interface OtherAddenda {
  addendaType: string;
  /** Positions 4-94 of the record, untrimmed. */
  body: string;
}

export type ParsedAddenda = ReturnAddenda | OtherAddenda;

export interface ParsedEntry {
  transactionCode: number;
  /** 9 digits: receiving DFI id + check digit. */
  receivingDfiRouting: string;
  dfiAccountNumber: string;
  amountCents: number;
  individualId: string;
  individualName: string;
  /** Positions 77-78 trimmed: the WEB payment type or PPD discretionary data. */
  discretionaryData: string;
  traceNumber: string;
  addenda: ParsedAddenda[];
}

export interface ParsedBatch {
  batchNumber: number;
  serviceClassCode: number;
  secCode: string;
  companyName: string;
  companyDiscretionaryData: string;
  companyId: string;
  entryDescription: string;
  companyDescriptiveDate: string;
  effectiveEntryDate: IsoDate;
  originatingDfi: string;
  entries: ParsedEntry[];
  entryAddendaCount: number;
  entryHash: string;
  totalDebitCents: number;
  totalCreditCents: number;
}

export interface ParsedNachaFile extends NachaFileHeader {
  referenceCode: string;
  batches: ParsedBatch[];
  batchCount: number;
  blockCount: number;
  entryAddendaCount: number;
  entryHash: string;
  totalDebitCents: number;
  totalCreditCents: number;
}

/**
 * Bad input to the writer (a routing number that fails its check digit, a name in a script the
 * ACH network cannot carry, an amount too large for the field). `field` is a path into the input
 * such as `batches[0].entries[3].receivingDfiRouting`.
 */
export class NachaInputError extends ValidationError {
  constructor(
    readonly field: string,
    readonly reason: string,
    message: string,
  ) {
    super([{ field, code: reason, message }], message);
  }
}

/** A file that is not well-formed NACHA: wrong record length or order, or totals that disagree. */
export class NachaFormatError extends BusinessRuleError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super('nacha_malformed', line > 0 ? `Line ${line}: ${message}` : message);
  }
}

/** A batch as the assembler lays it out: everything but the totals it computes. */
export type NachaBatchContent = Omit<
  ParsedBatch,
  'entryAddendaCount' | 'entryHash' | 'totalDebitCents' | 'totalCreditCents'
>;

/** A whole file as the assembler lays it out; the parser returns the same plus the totals. */
export interface NachaFileContent
  extends Omit<
    ParsedNachaFile,
    | 'batches'
    | 'batchCount'
    | 'blockCount'
    | 'entryAddendaCount'
    | 'entryHash'
    | 'totalDebitCents'
    | 'totalCreditCents'
  > {
  batches: readonly NachaBatchContent[];
}
