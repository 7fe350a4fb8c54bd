import fs from 'node:fs';
import type { IsoDate } from '@marque/finance';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { newId } from '../../platform/ids.ts';
import { type NachaBatchInput, type NachaEntryInput, nachaFingerprint, writeNachaFile } from './ach/index.ts';
import { ACH_ORIGINATOR } from './ach-policy.ts';
import { revealAccountNumber } from './add-bank-account.ts';
import { achFiles, payments } from './payment-tables.ts';
import { paymentMethods } from './tables.ts';

/** A, B, C...: tells apart the files sent on one day. */
const FILE_ID_MODIFIERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface AchExport {
  fileId: string;
  entries: number;
  totalCents: number;
  batches: { secCode: 'PPD' | 'WEB'; entries: number }[];
}

/**
 * Writes the NACHA file of every pending bank debit effective on or before `businessDate`:
 * autopay drafts in a PPD batch, portal payments in a WEB batch. In one transaction the
 * payments become `submitted` with their trace numbers and the file is written to `out`;
 * if anything fails nothing is marked, and a rerun writes the same debits again.
 * Answers null when there is nothing to send.
 */
export async function exportAchFile(
  db: Db,
  deps: { cipher: FieldCipher },
  input: { businessDate: IsoDate; out: string; now: Date },
): Promise<AchExport | null> {
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .select({ payment: payments, method: paymentMethods })
      .from(payments)
      .innerJoin(paymentMethods, eq(paymentMethods.id, payments.paymentMethodId))
      .where(
        and(
          eq(payments.status, 'pending'),
          eq(payments.methodType, 'bank_account'),
          lte(payments.effectiveDate, input.businessDate),
        ),
      )
      .orderBy(payments.id)
      .for('update', { of: payments });
    if (rows.length === 0) return null;

    const entryOf = ({ payment, method }: (typeof rows)[number]): NachaEntryInput => ({
      transactionCode: method.accountType === 'savings' ? 37 : 27,
      receivingDfiRouting: method.routingNumber ?? '',
      dfiAccountNumber: revealAccountNumber(deps, method),
      amountCents: payment.amountCents,
      individualId: payment.confirmationNumber,
      individualName: method.holderName ?? '',
      ...(payment.channel === 'autopay' ? {} : { paymentType: 'S' as const }),
    });
    const batch = (secCode: 'PPD' | 'WEB', entries: NachaEntryInput[]): NachaBatchInput => ({
      secCode,
      companyName: ACH_ORIGINATOR.companyName,
      companyId: ACH_ORIGINATOR.companyId,
      entryDescription: secCode === 'PPD' ? 'AUTOPAY' : 'LOAN PMT',
      effectiveEntryDate: input.businessDate,
      originatingDfi: ACH_ORIGINATOR.originatingDfi,
      entries,
    });
    const ppd = rows.filter((r) => r.payment.channel === 'autopay');
    const web = rows.filter((r) => r.payment.channel !== 'autopay');
    const ordered = [...ppd, ...web];
    const batches = [
      ...(ppd.length ? [batch('PPD', ppd.map(entryOf))] : []),
      ...(web.length ? [batch('WEB', web.map(entryOf))] : []),
    ];

    const [{ sent = 0, lastTrace = 0 } = {}] = (
      (await tx.execute(sql`
        select (select count(*)::int from ach_files where kind = 'origination' and business_date = ${input.businessDate}::date) as sent,
               (select coalesce(max(substr(ach_trace_number, 9)::int), 0) from payments where ach_trace_number is not null) as "lastTrace"`)) as unknown as {
        rows: { sent: number; lastTrace: number }[];
      }
    ).rows;
    const time = input.now.toISOString().slice(11, 16);
    const fileIdModifier = FILE_ID_MODIFIERS[Number(sent) % FILE_ID_MODIFIERS.length] ?? 'A';
    const file = writeNachaFile({
      immediateDestination: ACH_ORIGINATOR.immediateDestination,
      immediateDestinationName: ACH_ORIGINATOR.immediateDestinationName,
      immediateOrigin: ACH_ORIGINATOR.immediateOrigin,
      immediateOriginName: ACH_ORIGINATOR.immediateOriginName,
      fileCreationDate: input.businessDate,
      fileCreationTime: time,
      fileIdModifier,
      firstTraceSequence: (Number(lastTrace) % 9_999_000) + 1,
      batches,
    });
    const fileId = newId('ach');
    await tx.insert(achFiles).values({
      publicId: fileId,
      kind: 'origination',
      businessDate: input.businessDate,
      fingerprint: nachaFingerprint(file.content),
      fileIdModifier,
      entryCount: file.entries.length,
      totalCents: file.totalDebitCents,
      createdAt: input.now,
    });
    for (const [i, written] of file.entries.entries()) {
      const row = ordered[i];
      if (!row || row.payment.confirmationNumber !== written.individualId)
        throw new Error('ACH entries out of order');
      await tx
        .update(payments)
        .set({
          status: 'submitted',
          achTraceNumber: written.traceNumber,
          achFileId: fileId,
          submittedAt: input.now,
        })
        .where(eq(payments.id, row.payment.id));
    }
    // Written last, inside the transaction: if the write fails, no payment is marked submitted.
    fs.writeFileSync(input.out, `${file.content}\n`, { mode: 0o600 });
    return {
      fileId,
      entries: file.entries.length,
      totalCents: file.totalDebitCents,
      batches: batches.map((b) => ({ secCode: b.secCode, entries: b.entries.length })),
    };
  });
}
