import { ConflictError } from '../../platform/errors.ts';
import { type Principal, type RequestContext, requireRecentStepUp } from '../../platform/http/access.ts';
import { findCustomerContact, updateCustomerContact } from '../customers/index.ts';
import { sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';

/** Only the last digits go into alerts and the inbox: enough to recognise, not to reuse. */
export function maskPhone(phone: string): string {
  return `ending in ${phone.slice(-2)}`;
}

/**
 * Changes the customer's phone number (kept on the customer record, in E.164), after a step-up
 * in the last 5 minutes (ASVS 7.5.1). The owner is alerted by e-mail and in the inbox.
 */
export async function changePhone(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  phone: string,
): Promise<{ phone: string }> {
  requireRecentStepUp(principal, deps.now());
  if (principal.customerId === null) {
    throw new ConflictError('no_customer_record', 'Only customers keep a phone number here.');
  }
  const before = await findCustomerContact(deps.db, principal.customerId);
  if (before?.phone === phone) return { phone };
  await updateCustomerContact(deps.db, principal.customerId, { phone });
  await audit(deps, ctx, {
    action: 'phone.change',
    outcome: 'success',
    actorUserId: principal.userId,
    subjectCustomerId: principal.customerId,
  });
  await sendSecurityAlert(
    deps,
    { id: principal.userId, email: principal.email },
    {
      kind: 'phone_changed',
      title: 'Your phone number was changed',
      body: `The phone number on your account was changed to a number ${maskPhone(phone)} at ${deps.now().toISOString()}.`,
    },
  );
  return { phone };
}
