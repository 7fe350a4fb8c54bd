import type { IsoDate } from '@marque/finance';
import { assembleNachaFile } from './assemble-nacha-file.ts';
import { abaCheckDigit } from './nacha-records.ts';
import { nachaName, requireIsoDate, requireTime } from './nacha-text.ts';
import {
  type NachaBatchContent,
  NachaInputError,
  type ParsedBatch,
  type ParsedEntry,
  type ParsedNachaFile,
} from './nacha-types.ts';
import { parseNachaFile } from './parse-nacha-file.ts';

/**
 * Builds the returns file a bank would send back for some entries of a file we originated: each
 * returned entry flips to its return transaction code (27 → 26, 37 → 36), is addressed back to
 * our ODFI, carries the returning bank's trace number, and has an addenda 99 with the reason.
 * Used by tests and by the `marque ach returns` demo to exercise the real import path.
 */

export interface ReturnRequest {
  /** Trace number of the original entry being returned. */
  traceNumber: string;
  returnCode: string;
  /** For R14/R15. */
  dateOfDeath?: IsoDate;
  addendaInformation?: string;
}

export interface BuildReturnsFileInput {
  /** The original file, as text or already parsed. */
  original: string | ParsedNachaFile;
  returns: readonly ReturnRequest[];
  fileCreationDate: IsoDate;
  fileCreationTime: string;
  fileIdModifier?: string;
}

const RETURN_TRANSACTION_CODE: Readonly<Record<number, number>> = { 22: 21, 27: 26, 32: 31, 37: 36 };

interface Located {
  batch: ParsedBatch;
  entry: ParsedEntry;
  request: ReturnRequest;
}

function locate(file: ParsedNachaFile, returns: readonly ReturnRequest[]): Located[] {
  const byTrace = new Map<string, ReturnRequest>();
  returns.forEach((r, i) => {
    if (!/^R\d{2}$/.test(r.returnCode)) {
      throw new NachaInputError(
        `returns[${i}].returnCode`,
        'invalid_format',
        'a return code is R and two digits',
      );
    }
    if (r.dateOfDeath !== undefined) requireIsoDate(r.dateOfDeath, `returns[${i}].dateOfDeath`);
    if (byTrace.has(r.traceNumber)) {
      throw new NachaInputError(`returns[${i}].traceNumber`, 'duplicate_trace', 'an entry is returned once');
    }
    byTrace.set(r.traceNumber, r);
  });
  const found: Located[] = [];
  for (const batch of file.batches) {
    for (const entry of batch.entries) {
      const request = byTrace.get(entry.traceNumber);
      if (request === undefined) continue;
      byTrace.delete(entry.traceNumber);
      found.push({ batch, entry, request });
    }
  }
  const missing = [...byTrace.keys()][0];
  if (missing !== undefined) {
    throw new NachaInputError(
      'returns',
      'unknown_trace',
      `no entry with trace number ${missing} in the file`,
    );
  }
  return found;
}

export function buildReturnsFile(input: BuildReturnsFileInput): string {
  const original = typeof input.original === 'string' ? parseNachaFile(input.original) : input.original;
  const fileIdModifier = input.fileIdModifier ?? 'A';
  if (!/^[A-Z0-9]$/.test(fileIdModifier)) {
    throw new NachaInputError('fileIdModifier', 'invalid_format', 'file id modifier is one of A-Z or 0-9');
  }
  const located = locate(original, input.returns);
  if (located.length === 0) throw new NachaInputError('returns', 'no_returns', 'nothing to return');

  // One return batch per original batch and returning bank, in the original file's order.
  const groups = new Map<string, Located[]>();
  for (const l of located) {
    const key = `${l.batch.batchNumber}|${l.entry.receivingDfiRouting.slice(0, 8)}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  let sequence = 1;
  const batches: NachaBatchContent[] = [...groups.values()].map((group, i) => {
    const { batch, entry: first } = group[0] as Located;
    const rdfi = first.receivingDfiRouting.slice(0, 8);
    return {
      ...batch,
      batchNumber: i + 1,
      originatingDfi: rdfi,
      entries: group.map(({ entry, request }) => {
        const traceNumber = rdfi + String(sequence++).padStart(7, '0');
        return {
          ...entry,
          transactionCode: RETURN_TRANSACTION_CODE[entry.transactionCode] ?? entry.transactionCode,
          receivingDfiRouting: batch.originatingDfi + abaCheckDigit(batch.originatingDfi),
          traceNumber,
          addenda: [
            {
              addendaType: '99' as const,
              returnCode: request.returnCode,
              originalTraceNumber: entry.traceNumber,
              dateOfDeath: request.dateOfDeath ?? null,
              originalReceivingDfi: rdfi,
              addendaInformation: nachaName(
                request.addendaInformation ?? '',
                'addendaInformation',
                44,
                false,
              ),
              traceNumber,
            },
          ],
        };
      }),
    };
  });

  // The bank that received our file sends the returns back: origin and destination swap.
  return assembleNachaFile({
    immediateDestination: original.immediateOrigin,
    immediateDestinationName: original.immediateOriginName,
    immediateOrigin: original.immediateDestination,
    immediateOriginName: original.immediateDestinationName,
    fileCreationDate: requireIsoDate(input.fileCreationDate, 'fileCreationDate'),
    fileCreationTime: requireTime(input.fileCreationTime, 'fileCreationTime'),
    fileIdModifier,
    referenceCode: '',
    batches,
  }).content;
}
