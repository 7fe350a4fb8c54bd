import { createHash } from 'node:crypto';
import type { IsoDate } from '@marque/finance';
import { RECORD_LENGTH } from './nacha-records.ts';
import { NachaFormatError, type ParsedNachaFile, type ReturnAddenda } from './nacha-types.ts';
import { parseNachaFile } from './parse-nacha-file.ts';
import { returnCodeInfo } from './return-codes.ts';

/** One returned entry, with what Marque should do about it. */
export interface AchReturn {
  /** Trace number of our original debit: the key to find the payment. */
  originalTraceNumber: string;
  returnCode: string;
  description: string;
  suspendsAutopay: boolean;
  chargesNsfFee: boolean;
  unauthorized: boolean;
  amountCents: number;
  /** Our confirmation number, as we sent it. */
  individualId: string;
  individualName: string;
  /** 26 (checking) or 36 (savings) for a returned debit. */
  transactionCode: number;
  dateOfDeath: IsoDate | null;
  originalReceivingDfi: string;
  /** The return entry's own trace number (assigned by the returning bank). */
  returnTraceNumber: string;
  addendaInformation: string;
  secCode: string;
  companyId: string;
  effectiveEntryDate: IsoDate;
}

/** A notification of change (addenda 98): the entry posted, but the bank asks for new details. */
export interface NotificationOfChange {
  originalTraceNumber: string;
  changeCode: string;
  correctedData: string;
  individualId: string;
}

export interface ParsedReturnsFile {
  /** sha256 of the normalised file: the same file imported twice has the same fingerprint. */
  fingerprint: string;
  fileCreationDate: IsoDate;
  fileIdModifier: string;
  returns: AchReturn[];
  notificationsOfChange: NotificationOfChange[];
}

const ALL_NINES = '9'.repeat(RECORD_LENGTH);

/**
 * A stable fingerprint of a NACHA file's content. Line endings, trailing spaces stripped by a
 * bank's system and the all-9 block filler do not change it; any change to a record does.
 */
export function nachaFingerprint(text: string): string {
  const records = text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && line !== ALL_NINES)
    .map((line) => line.padEnd(RECORD_LENGTH, ' '));
  return createHash('sha256').update(records.join('\n'), 'utf8').digest('hex');
}

function isReturn(a: { addendaType: string }): a is ReturnAddenda {
  return a.addendaType === '99';
}

/** Lists the returns in an already parsed file (see {@link parseReturnsFile}). */
export function returnsOf(
  file: ParsedNachaFile,
): Pick<ParsedReturnsFile, 'returns' | 'notificationsOfChange'> {
  const returns: AchReturn[] = [];
  const notificationsOfChange: NotificationOfChange[] = [];
  for (const batch of file.batches) {
    for (const entry of batch.entries) {
      const addenda = entry.addenda[0];
      if (addenda !== undefined && isReturn(addenda)) {
        if (addenda.traceNumber !== entry.traceNumber) {
          throw new NachaFormatError(
            0,
            `return addenda trace ${addenda.traceNumber} differs from its entry's`,
          );
        }
        const code = returnCodeInfo(addenda.returnCode);
        returns.push({
          originalTraceNumber: addenda.originalTraceNumber,
          returnCode: code.code,
          description: code.description,
          suspendsAutopay: code.suspendsAutopay,
          chargesNsfFee: code.chargesNsfFee,
          unauthorized: code.unauthorized,
          amountCents: entry.amountCents,
          individualId: entry.individualId,
          individualName: entry.individualName,
          transactionCode: entry.transactionCode,
          dateOfDeath: addenda.dateOfDeath,
          originalReceivingDfi: addenda.originalReceivingDfi,
          returnTraceNumber: entry.traceNumber,
          addendaInformation: addenda.addendaInformation,
          secCode: batch.secCode,
          companyId: batch.companyId,
          effectiveEntryDate: batch.effectiveEntryDate,
        });
      } else if (addenda?.addendaType === '98' && 'body' in addenda) {
        // Positions 4-6 change code, 7-21 original trace, 36-64 corrected data (body starts at 4).
        notificationsOfChange.push({
          changeCode: addenda.body.slice(0, 3),
          originalTraceNumber: addenda.body.slice(3, 18),
          correctedData: addenda.body.slice(32, 61).trim(),
          individualId: entry.individualId,
        });
      } else {
        throw new NachaFormatError(
          0,
          `entry ${entry.traceNumber} is neither a return nor a notification of change`,
        );
      }
    }
  }
  return { returns, notificationsOfChange };
}

/**
 * Parses a returns file from the ODFI. Every control total is checked before anything is
 * returned, so a damaged file imports nothing. Idempotency: store `fingerprint` with the import
 * and refuse a second import of it; a return is also unique by `originalTraceNumber`, which
 * catches the same return resent in a different file.
 */
export function parseReturnsFile(text: string): ParsedReturnsFile {
  const file = parseNachaFile(text, { lenient: true });
  return {
    fingerprint: nachaFingerprint(text),
    fileCreationDate: file.fileCreationDate,
    fileIdModifier: file.fileIdModifier,
    ...returnsOf(file),
  };
}
