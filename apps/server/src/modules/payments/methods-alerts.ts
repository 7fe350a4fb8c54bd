import type { Principal, RequestContext } from '../../platform/http/access.ts';
import type { PaymentMethodDeps } from './methods-deps.ts';
import type { PaymentMethodRow } from './methods-repo.ts';
import { describeMethod } from './methods-view.ts';

type Change = 'added' | 'removed';

const TITLES: Record<Change, string> = {
  added: 'A payment method was added',
  removed: 'A payment method was removed',
};

/**
 * A change to how the customer pays is security-relevant (a thief's first move is adding their
 * own account): it is audited, e-mailed and put in the portal inbox. No full number, ever.
 */
export async function recordMethodChange(
  deps: PaymentMethodDeps,
  ctx: RequestContext,
  principal: Principal,
  row: PaymentMethodRow,
  change: Change,
): Promise<void> {
  // RequestContext carries exactly the audit event's where: ip, user agent, request id.
  await deps.audit.record(deps.db, {
    ...ctx,
    action: change === 'added' ? 'payment_method.add' : 'payment_method.remove',
    outcome: 'success',
    actorUserId: principal.userId,
    subjectCustomerId: row.customerId,
    details: { paymentMethodId: row.publicId, kind: row.kind },
  });
  const at = deps.now().toISOString();
  const body = `${describeMethod(row)} was ${change} ${change === 'added' ? 'to' : 'from'} your account at ${at}.`;
  await deps.mailer.send({
    to: principal.email,
    subject: `${deps.brandName}: ${TITLES[change]}`,
    text: `${body}\n\nIf this was not you, change your password and contact ${deps.brandName} right away.`,
    category: 'security_alert',
  });
  await deps.inbox.add(deps.db, {
    userId: principal.userId,
    kind: `payment_method_${change}`,
    title: TITLES[change],
    body,
  });
}
