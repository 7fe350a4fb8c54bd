import type { IsoDate } from '@marque/finance';
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';
import type { Db } from '../../platform/db/client.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { type AchExport, exportAchFile } from './export-ach-file.ts';
import { findPaymentMethod } from './find-payment-method.ts';
import type { CardProcessor } from './processor/card-processor.ts';
import { runAutopayDrafts } from './run-autopay-drafts.ts';
import { runScheduledPayments } from './run-scheduled-payments.ts';
import { settleAchPayments } from './settle-ach-payments.ts';

export interface AchDay {
  settled: number;
  scheduled: { posted: number; failed: number };
  autopay: { drafted: number; skipped: number };
  file: AchExport | null;
}

/**
 * Everything due to be sent on a business date, in order: settle debits old enough, post the
 * scheduled payments and autopay drafts of the day, then write the NACHA file of every pending
 * debit and mark them submitted. Each step is idempotent, so a rerun sends nothing twice.
 */
export async function sendAchForDate(
  db: Db,
  deps: { cipher: FieldCipher; processor: CardProcessor; inbox: NotificationInbox },
  input: { businessDate: IsoDate; out: string; now: Date },
): Promise<AchDay> {
  const settled = await settleAchPayments(db, input);
  const scheduled = await runScheduledPayments(db, { ...deps, findPaymentMethod }, input);
  const autopay = await runAutopayDrafts(db, deps, input);
  const file = await exportAchFile(db, deps, input);
  return { settled, scheduled, autopay, file };
}
