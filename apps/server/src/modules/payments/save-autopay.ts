import type { Autopay, AutopayRequest } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError, NotFoundError } from '../../platform/errors.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { findContractOfCustomer } from '../contracts/index.ts';
import { AUTOPAY_AUTHORIZATION, authorizationFor } from './autopay-authorization.ts';
import { nextDraft } from './autopay-schedule.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';
import { toAutopay } from './to-autopay.ts';

export interface SaveAutopayInput {
  userId: number;
  customerId: number;
  accountId: string;
  request: AutopayRequest;
  ip: string;
  businessDate: IsoDate;
  now: Date;
}

function ruleError(field: string, code: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, [{ field, code, message }]);
}

/**
 * Enrols in autopay, or edits the enrolment in place (method, amount, draft day, pause one
 * cycle): the customer never has to stop and re-enrol. Each save records the authorisation
 * text they accepted, with the time and IP.
 */
export async function saveAutopay(
  tx: Db,
  deps: { findPaymentMethod: FindPaymentMethod; inbox: NotificationInbox; brandName: string },
  input: SaveAutopayInput,
): Promise<{ autopay: Autopay; enrolled: boolean; authorizationText: string }> {
  const { request } = input;
  const owned = await findContractOfCustomer(tx, input.customerId, input.accountId);
  if (!owned) throw new NotFoundError('account');
  const contract = owned.contract;
  if (contract.status !== 'active')
    throw new BusinessRuleError('account_not_active', 'This account is closed to new payments.');
  if (request.authorizationVersion !== AUTOPAY_AUTHORIZATION.version) {
    throw ruleError(
      'authorizationVersion',
      'authorization_outdated',
      'The authorization text has changed. Read and accept the current one.',
    );
  }
  const method = await deps.findPaymentMethod(tx, input.customerId, request.paymentMethodId);
  if (!method)
    throw ruleError('paymentMethodId', 'payment_method_unavailable', 'Choose one of your bank accounts.');
  if (method.type !== 'bank_account') {
    throw ruleError(
      'paymentMethodId',
      'autopay_needs_bank_account',
      'Automatic payments are drafted from a bank account.',
    );
  }
  const extra = request.amountRule === 'fixed_extra' ? (request.extraAmount ?? 0) : 0;
  if (request.amountRule === 'fixed_extra' && extra <= 0) {
    throw ruleError('extraAmount', 'extra_amount_required', 'Enter the extra amount to add each month.');
  }
  const text = authorizationFor(deps.brandName).text[request.language ?? 'en'];
  const [existing] = await tx
    .select()
    .from(autopayEnrollments)
    .where(eq(autopayEnrollments.contractId, contract.id))
    .for('update');
  const values = {
    contractId: contract.id,
    customerId: input.customerId,
    userId: input.userId,
    paymentMethodId: method.id,
    paymentMethodPublicId: method.publicId,
    methodLabel: method.label,
    amountRule: request.amountRule,
    extraCents: extra,
    draftDaysBeforeDue: request.draftDaysBeforeDue,
    status: 'active' as const,
    skipDueDate: null,
    finalDraftDate: null,
    suspendedReason: null,
    authorizationVersion: AUTOPAY_AUTHORIZATION.version,
    authorizationText: text,
    acceptedAt: input.now,
    acceptedIp: input.ip,
    updatedAt: input.now,
  };
  let [row] = existing
    ? await tx
        .update(autopayEnrollments)
        .set(values)
        .where(eq(autopayEnrollments.id, existing.id))
        .returning()
    : await tx
        .insert(autopayEnrollments)
        .values({ ...values, createdAt: input.now })
        .returning();
  if (!row) throw new Error('autopay save returned nothing');
  if (request.pauseNextCycle) {
    const draft = nextDraft(row, contract, input.businessDate);
    if (!draft) throw ruleError('pauseNextCycle', 'nothing_to_pause', 'There is no upcoming draft to skip.');
    [row] = await tx
      .update(autopayEnrollments)
      .set({ status: 'paused', skipDueDate: draft.dueDate })
      .where(eq(autopayEnrollments.id, row.id))
      .returning();
    if (!row) throw new Error('autopay pause returned nothing');
  }
  const enrolled = !existing || existing.status === 'stopped' || existing.status === 'suspended';
  await deps.inbox.add(tx, {
    userId: input.userId,
    kind: enrolled ? 'autopay_enrolled' : 'autopay_changed',
    title: enrolled ? 'Automatic payments are on' : 'Automatic payments changed',
    body: `From ${method.label} on account ending ${contract.accountNumber.slice(-4)}.${row.status === 'paused' ? ` The draft for ${row.skipDueDate} will be skipped.` : ''}`,
  });
  return {
    autopay: toAutopay(row, contract, input.businessDate, deps.brandName),
    enrolled,
    authorizationText: text,
  };
}
