import {
  type CustomerPreferences,
  type CustomerPreferencesChange,
  PREFERRED_LANGUAGES,
  type PreferredLanguage,
} from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { BusinessRuleError, ForbiddenError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { findPreferredLanguage, updatePreferredLanguage } from '../customers/index.ts';

function customerOf(principal: Principal): number {
  // The customer is always the signed-in user's own: no ID comes from the request (no BOLA).
  if (principal.customerId === null) throw new ForbiddenError();
  return principal.customerId;
}

function isLanguage(value: string): value is PreferredLanguage {
  return (PREFERRED_LANGUAGES as readonly string[]).includes(value);
}

/** The customer's preferences kept on the customer record (today: the language we write in). */
export async function getCustomerPreferences(
  deps: { db: Db },
  principal: Principal,
): Promise<CustomerPreferences> {
  return { language: await findPreferredLanguage(deps.db, customerOf(principal)) };
}

/**
 * Sets the language of everything we send the customer (statements, letters, notices,
 * e-mails). It lives on the customer record, so it also holds for co-users of the account and
 * for paper mail. Audited with the old and new value.
 */
export async function updateCustomerPreferences(
  deps: { db: Db; audit: AuditLog },
  ctx: RequestContext,
  principal: Principal,
  input: CustomerPreferencesChange,
): Promise<CustomerPreferences> {
  const customerId = customerOf(principal);
  const language = input.language;
  if (!isLanguage(language)) {
    throw new BusinessRuleError('unsupported_language', 'We write to customers in English or Spanish.', [
      { field: 'language', code: 'unsupported_language', message: 'Choose English or Spanish.' },
    ]);
  }
  await inTransaction(deps.db, async (tx) => {
    const before = await updatePreferredLanguage(tx, customerId, language);
    await deps.audit.record(tx, {
      action: 'customer_preferences.update',
      outcome: 'success',
      actorUserId: principal.userId,
      subjectCustomerId: customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      details: { language, previous: before ?? null },
    });
  });
  return { language };
}
