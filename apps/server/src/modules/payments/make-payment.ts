import type { Payment, PaymentRequest } from '@marque/contracts';
import { cents, compareDates, formatMoney, type IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError, NotFoundError } from '../../platform/errors.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { findContractOfCustomer } from '../contracts/index.ts';
import { insertPayment } from './insert-payment.ts';
import { paymentLimits } from './payment-limits.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';
import { type ChargeCard, postPayment } from './post-payment.ts';
import { toPayment } from './to-payment.ts';

export interface MakePaymentDeps {
  findPaymentMethod: FindPaymentMethod;
  chargeCard: ChargeCard;
  inbox: NotificationInbox;
}

export interface PaymentActor {
  userId: number;
  customerId: number;
}

/**
 * A one-time payment from the portal, in the caller's (idempotent) transaction. Today's
 * payment posts at once, so the customer sees it and its split immediately; a future one
 * waits as scheduled until its date.
 */
export async function makePayment(
  tx: Db,
  deps: MakePaymentDeps,
  input: {
    actor: PaymentActor;
    accountId: string;
    request: PaymentRequest;
    businessDate: IsoDate;
    now: Date;
  },
): Promise<Payment> {
  const { actor, request, businessDate } = input;
  const owned = await findContractOfCustomer(tx, actor.customerId, input.accountId);
  if (!owned) throw new NotFoundError('account');
  const contract = owned.contract;
  if (contract.status !== 'active') {
    throw new BusinessRuleError('account_not_active', 'This account is closed to new payments.');
  }
  const method = await deps.findPaymentMethod(tx, actor.customerId, request.paymentMethodId);
  if (!method) {
    throw new BusinessRuleError('payment_method_unavailable', 'Choose one of your payment methods.', [
      {
        field: 'paymentMethodId',
        code: 'payment_method_unavailable',
        message: 'Choose one of your payment methods.',
      },
    ]);
  }
  const limits = paymentLimits(contract, businessDate);
  const scheduledFor = request.scheduledFor ?? businessDate;
  if (compareDates(scheduledFor, limits.earliestDate) < 0) {
    throw fieldRule('scheduledFor', 'date_in_past', 'Choose today or a later date.');
  }
  if (compareDates(scheduledFor, limits.latestDate) > 0) {
    throw fieldRule('scheduledFor', 'date_too_late', `Choose a date on or before ${limits.latestDate}.`);
  }
  if (request.principalOnly && !limits.principalOnlyAllowed) {
    throw fieldRule(
      'principalOnly',
      contract.type === 'loan' ? 'principal_only_while_due' : 'principal_only_not_allowed',
      contract.type === 'loan'
        ? 'Bring the account current before making a principal-only payment.'
        : 'Principal-only payments are for loans.',
    );
  }
  if (request.amount > limits.payoff) {
    throw fieldRule(
      'amount',
      'amount_above_payoff',
      `That is more than the $${formatMoney(cents(limits.payoff))} needed to pay the account off.`,
    );
  }

  const row = await insertPayment(tx, {
    contractId: contract.id,
    customerId: actor.customerId,
    method,
    amountCents: request.amount,
    principalOnly: request.principalOnly ?? false,
    channel: 'web',
    scheduledFor,
    createdByUserId: actor.userId,
    now: input.now,
  });
  const payment =
    compareDates(scheduledFor, businessDate) <= 0
      ? await postPayment(tx, row, {
          chargeCard: deps.chargeCard,
          processorToken: method.processorToken,
          businessDate,
        })
      : row;

  const amount = `$${formatMoney(cents(payment.amountCents))}`;
  await deps.inbox.add(tx, {
    userId: actor.userId,
    kind: payment.status === 'scheduled' ? 'payment_scheduled' : 'payment_received',
    title:
      payment.status === 'scheduled'
        ? `Payment of ${amount} scheduled for ${scheduledFor}`
        : `Payment of ${amount} received`,
    body: `Confirmation number ${payment.confirmationNumber}, from ${method.label}, on account ending ${contract.accountNumber.slice(-4)}.`,
  });
  return toPayment(payment, contract.publicId, businessDate);
}

function fieldRule(field: string, code: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, [{ field, code, message }]);
}
