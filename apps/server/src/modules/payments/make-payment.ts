import type { Payment, PaymentRequest } from '@marque/contracts';
import { cents, compareDates, formatMoney, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError, NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type ContractRow, findContractOfCustomer } from '../contracts/index.ts';
import { type NotifyDeps, notify } from '../notifications/index.ts';
import { newConfirmationNumber } from './confirmation-number.ts';
import { insertPayment } from './insert-payment.ts';
import { paymentLimits } from './payment-limits.ts';
import type { FindPaymentMethod, UsablePaymentMethod } from './payment-method-port.ts';
import { applyToLedger } from './post-payment.ts';
import { toPayment } from './to-payment.ts';

export interface PaymentActor {
  userId: number;
  customerId: number;
}

export interface PaymentInput {
  actor: PaymentActor;
  accountId: string;
  request: PaymentRequest;
  businessDate: IsoDate;
  now: Date;
}

/** A payment request that passed every rule, ready to charge (cards) and record. */
export interface CheckedPayment {
  contract: ContractRow;
  method: UsablePaymentMethod;
  scheduledFor: IsoDate;
  /** Its date is today: it posts now (a card is charged first). */
  postsNow: boolean;
}

function fieldRule(field: string, code: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, [{ field, code, message }]);
}

/** The rules of a one-time payment: whose account, which method, which date, how much. */
export async function checkPayment(
  db: Db,
  deps: { findPaymentMethod: FindPaymentMethod },
  input: PaymentInput,
): Promise<CheckedPayment> {
  const { actor, request, businessDate } = input;
  const owned = await findContractOfCustomer(db, actor.customerId, input.accountId);
  if (!owned) throw new NotFoundError('account');
  const contract = owned.contract;
  if (contract.status !== 'active') {
    throw new BusinessRuleError('account_not_active', 'This account is closed to new payments.');
  }
  const method = await deps.findPaymentMethod(db, actor.customerId, request.paymentMethodId);
  if (!method)
    throw fieldRule('paymentMethodId', 'payment_method_unavailable', 'Choose one of your payment methods.');
  const limits = paymentLimits(contract, businessDate);
  const scheduledFor = request.scheduledFor ?? businessDate;
  if (compareDates(scheduledFor, limits.earliestDate) < 0) {
    throw fieldRule('scheduledFor', 'date_in_past', 'Choose today or a later date.');
  }
  if (compareDates(scheduledFor, limits.latestDate) > 0) {
    throw fieldRule('scheduledFor', 'date_too_late', `Choose a date on or before ${limits.latestDate}.`);
  }
  if (request.principalOnly && !limits.principalOnlyAllowed) {
    throw contract.type === 'loan'
      ? fieldRule(
          'principalOnly',
          'principal_only_while_due',
          'Bring the account current before making a principal-only payment.',
        )
      : fieldRule('principalOnly', 'principal_only_not_allowed', 'Principal-only payments are for loans.');
  }
  if (request.amount > limits.payoff) {
    throw fieldRule(
      'amount',
      'amount_above_payoff',
      `That is more than the $${formatMoney(cents(limits.payoff))} needed to pay the account off.`,
    );
  }
  return { contract, method, scheduledFor, postsNow: compareDates(scheduledFor, businessDate) <= 0 };
}

/**
 * Records a checked payment in the caller's (idempotent) transaction. Today's payment posts at
 * once, so the customer sees it and its split immediately; a future one waits as scheduled.
 * The payer is told through `notify` (their preferences decide the channels); its e-mail is
 * queued in the mail outbox in this transaction.
 */
export async function recordPayment(
  tx: Db,
  deps: Omit<NotifyDeps, 'now'>,
  input: PaymentInput & {
    checked: CheckedPayment;
    processorReference: string | null;
  },
): Promise<Payment> {
  const { contract, method, scheduledFor } = input.checked;
  const publicId = newId('pay');
  const confirmationNumber = newConfirmationNumber();
  const posted = input.checked.postsNow
    ? await applyToLedger(
        tx,
        {
          publicId,
          confirmationNumber,
          contractId: contract.id,
          amountCents: input.request.amount,
          principalOnly: input.request.principalOnly ?? false,
          methodType: method.type,
        },
        // The contract read by checkPayment: posted in one statement unless it moved since.
        { businessDate: input.businessDate, processorReference: input.processorReference, seen: contract },
      )
    : {};
  const payment = await insertPayment(tx, {
    contractId: contract.id,
    customerId: input.actor.customerId,
    method,
    amountCents: input.request.amount,
    principalOnly: input.request.principalOnly ?? false,
    channel: 'web',
    scheduledFor,
    createdByUserId: input.actor.userId,
    now: input.now,
    posted: { ...posted, publicId, confirmationNumber },
  });
  const result = toPayment(payment, contract.publicId, input.businessDate);
  const amount = `$${formatMoney(cents(payment.amountCents))}`;
  const scheduled = payment.status === 'scheduled';
  const title = scheduled
    ? `Payment of ${amount} scheduled for ${scheduledFor}`
    : `Payment of ${amount} received`;
  await notify(
    tx,
    { ...deps, now: () => input.now },
    {
      customerId: input.actor.customerId,
      userId: input.actor.userId,
      event: 'payment_confirmation',
      kind: scheduled ? 'payment_scheduled' : 'payment_received',
      title,
      body: `Confirmation number ${payment.confirmationNumber}, from ${method.label}, on account ending ${contract.accountNumber.slice(-4)}.`,
      link: `/accounts/${contract.publicId}/transactions`,
      dedupeKey: `payment_confirmation:${publicId}`,
      email: {
        subject: `${deps.brandName}: payment of ${amount} ${scheduled ? `scheduled for ${scheduledFor}` : 'received'}`,
        text: confirmationText(result, amount),
      },
      smsText: `${deps.brandName}: ${title}. Confirmation ${payment.confirmationNumber}.`,
    },
  );
  return result;
}

function confirmationText(payment: Payment, amount: string): string {
  const when = payment.status === 'scheduled' ? `scheduled for ${payment.scheduledFor}` : 'received';
  return [
    `Your payment of ${amount} was ${when}.`,
    `Confirmation number: ${payment.confirmationNumber}`,
    `From: ${payment.paymentMethod.label}`,
    payment.split
      ? `Applied: fees $${formatMoney(cents(payment.split.fees.amount))}, interest $${formatMoney(cents(payment.split.interest.amount))}, principal $${formatMoney(cents(payment.split.principal.amount))}.`
      : 'It will be applied on its date; you can cancel it until the day before.',
    '',
    'Sign in to see it on your account.',
  ].join('\n');
}
