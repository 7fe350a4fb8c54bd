import { cents, formatMoney, type IsoDate, nsfFee } from '@marque/finance';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { newId } from '../../platform/ids.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { ACCOUNTS, postEntry, reversePayment } from '../ledger/index.ts';
import { type NotifyOutcome, notify, type SmsSender } from '../notifications/index.ts';
import { type AchReturn, parseReturnsFile } from './ach/index.ts';
import { NSF_FEE_CENTS } from './ach-policy.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import { achFiles, payments } from './payment-tables.ts';

export interface ReturnsImport {
  alreadyImported: boolean;
  returned: number;
  nsfFees: number;
  autopaySuspended: number;
  /** Returns whose trace number matches none of our payments, or a payment already returned. */
  skipped: { traceNumber: string; returnCode: string; reason: 'unknown_trace' | 'already_returned' }[];
}

type ReturnDeps = { inbox: NotificationInbox; sms: SmsSender; brandName: string };

/**
 * Imports a bank's ACH returns file, all or nothing: each returned debit is reversed with a new
 * ledger entry (interest replayed on the principal it had paid), the NSF fee is charged for
 * R01/R09, autopay is suspended for returns that forbid drafting again, and the customer is
 * told (the e-mail queued in the mail outbox in the same transaction; the caller relays it). The
 * file's fingerprint is recorded, so the same file imported again changes nothing.
 */
export async function importAchReturns(
  db: Db,
  deps: ReturnDeps,
  input: { text: string; businessDate: IsoDate; now: Date },
): Promise<ReturnsImport> {
  const parsed = parseReturnsFile(input.text);
  const result: ReturnsImport = {
    alreadyImported: false,
    returned: 0,
    nsfFees: 0,
    autopaySuspended: 0,
    skipped: [],
  };
  await inTransaction(db, async (tx) => {
    const [seen] = await tx
      .select({ id: achFiles.id })
      .from(achFiles)
      .where(and(eq(achFiles.kind, 'returns'), eq(achFiles.fingerprint, parsed.fingerprint)));
    if (seen) {
      result.alreadyImported = true;
      return;
    }
    for (const ret of parsed.returns) {
      await returnOne(tx, deps, ret, input, result);
    }
    await tx.insert(achFiles).values({
      publicId: newId('ach'),
      kind: 'returns',
      businessDate: input.businessDate,
      fingerprint: parsed.fingerprint,
      entryCount: parsed.returns.length,
      totalCents: parsed.returns.reduce((sum, r) => sum + r.amountCents, 0),
      createdAt: input.now,
    });
  });
  return result;
}

async function returnOne(
  tx: Db,
  deps: ReturnDeps,
  ret: AchReturn,
  input: { businessDate: IsoDate; now: Date },
  result: ReturnsImport,
): Promise<NotifyOutcome | null> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(eq(payments.achTraceNumber, ret.originalTraceNumber))
    .for('update');
  if (!payment || payment.entryId === null) {
    result.skipped.push({
      traceNumber: ret.originalTraceNumber,
      returnCode: ret.returnCode,
      reason: 'unknown_trace',
    });
    return null;
  }
  if (payment.status === 'returned') {
    result.skipped.push({
      traceNumber: ret.originalTraceNumber,
      returnCode: ret.returnCode,
      reason: 'already_returned',
    });
    return null;
  }
  const source = `payment:${payment.publicId}`;
  const reversed = await reversePayment(tx, {
    contractId: payment.contractId,
    paymentEntryId: payment.entryId,
    principal: payment.splitPrincipalCents ?? 0,
    towardInstallments: payment.towardInstallmentsCents,
    effectiveDate: payment.effectiveDate ?? input.businessDate,
    bookingDate: input.businessDate,
    source,
    description: `Returned by the bank: ${ret.returnCode} ${ret.description}`,
  });
  // A settled debit already moved to cash: the return takes it back out of cash, not transit.
  if (payment.status === 'settled') {
    await postEntry(tx, {
      contractId: payment.contractId,
      kind: 'settlement',
      effectiveDate: input.businessDate,
      bookingDate: input.businessDate,
      description: 'Returned after settlement',
      source,
      postings: [
        { account: ACCOUNTS.cashInTransit, amount: payment.amountCents },
        { account: ACCOUNTS.cash, amount: -payment.amountCents },
      ],
    });
  }
  await tx
    .update(payments)
    .set({
      status: 'returned',
      returnCode: ret.returnCode,
      returnedAt: input.now,
      reversalEntryId: reversed.reversalEntryId,
    })
    .where(eq(payments.id, payment.id));
  result.returned++;

  let fee = 0;
  if (ret.chargesNsfFee) {
    fee = nsfFee({ fee: cents(NSF_FEE_CENTS) });
    await postEntry(tx, {
      contractId: payment.contractId,
      kind: 'fee',
      effectiveDate: input.businessDate,
      bookingDate: input.businessDate,
      description: `Returned payment fee (${ret.returnCode})`,
      source,
      postings: [
        { account: ACCOUNTS.fees, amount: fee },
        { account: ACCOUNTS.feeIncome, amount: -fee },
      ],
    });
    result.nsfFees++;
  }
  if (ret.suspendsAutopay) {
    const suspended = await tx
      .update(autopayEnrollments)
      .set({
        status: 'suspended',
        suspendedReason: `${ret.returnCode}: ${ret.description}`,
        updatedAt: input.now,
      })
      .where(
        and(
          eq(autopayEnrollments.contractId, payment.contractId),
          eq(autopayEnrollments.paymentMethodId, payment.paymentMethodId),
          inArray(autopayEnrollments.status, ['active', 'paused']),
        ),
      )
      .returning({ id: autopayEnrollments.id });
    result.autopaySuspended += suspended.length;
  }

  const amount = `$${formatMoney(cents(payment.amountCents))}`;
  const title = `Your payment of ${amount} was returned`;
  const body = [
    `Your bank returned payment ${payment.confirmationNumber} (${ret.returnCode}: ${ret.description}).`,
    'The amount is owed again on your account.',
    fee > 0
      ? `A returned payment fee of $${formatMoney(cents(fee))} was charged as your contract allows.`
      : '',
    ret.suspendsAutopay
      ? 'Automatic payments from that bank account are suspended until you update them.'
      : '',
    'Sign in to make a payment another way.',
  ]
    .filter(Boolean)
    .join(' ');
  // Told through notify, once per payment: the customer's preferences pick the channels.
  return notify(
    tx,
    { ...deps, now: () => input.now },
    {
      customerId: payment.customerId,
      event: 'payment_returned',
      title,
      body,
      dedupeKey: `payment_returned:${payment.publicId}`,
      email: { text: body },
      smsText: `${deps.brandName}: ${title}. Sign in to make a payment another way.`,
    },
  );
}
