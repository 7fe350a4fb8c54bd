import type { Paperless, PaperlessUpdate } from '@marque/contracts';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { BusinessRuleError, ForbiddenError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { ESIGN_DISCLOSURE_VERSION, recordEsignConsent } from '../customers/index.ts';
import { paperlessElections } from './tables.ts';

async function latestElection(db: Db, customerId: number) {
  const rows = await db
    .select()
    .from(paperlessElections)
    .where(eq(paperlessElections.customerId, customerId))
    .orderBy(desc(paperlessElections.id))
    .limit(1);
  return rows[0];
}

/**
 * Whether this customer's statements and notices go electronically only (no paper mail). Off
 * until the customer turns it on with E-SIGN consent; for the statements run.
 */
export async function isPaperless(db: Db, customerId: number): Promise<boolean> {
  return (await latestElection(db, customerId))?.enabled ?? false;
}

/**
 * Of these customers, the ones who are paperless: isPaperless for a batch, in one statement
 * (a close-of-business partition's statements).
 */
export async function paperlessCustomers(db: Db, customerIds: readonly number[]): Promise<Set<number>> {
  if (customerIds.length === 0) return new Set();
  const latest = await db
    .selectDistinctOn([paperlessElections.customerId], {
      customerId: paperlessElections.customerId,
      enabled: paperlessElections.enabled,
    })
    .from(paperlessElections)
    .where(inArray(paperlessElections.customerId, [...customerIds]))
    .orderBy(paperlessElections.customerId, desc(paperlessElections.id));
  return new Set(latest.filter((r) => r.enabled).map((r) => r.customerId));
}

export async function getPaperless(deps: { db: Db }, customerId: number): Promise<Paperless> {
  const last = await latestElection(deps.db, customerId);
  return {
    enabled: last?.enabled ?? false,
    disclosureVersion: ESIGN_DISCLOSURE_VERSION,
    consent:
      last?.enabled && last.esignVersion
        ? { version: last.esignVersion, acceptedAt: last.at.toISOString() }
        : null,
    changedAt: last?.at.toISOString() ?? null,
  };
}

function consentRequired(detail: string): BusinessRuleError {
  return new BusinessRuleError('esign_consent_required', detail, [
    {
      field: 'consent.accepted',
      code: 'esign_consent_required',
      message: 'Read the E-SIGN disclosure and agree to it to go paperless.',
    },
  ]);
}

/**
 * Turns paperless on (only with consent to the current E-SIGN disclosure, recorded with time,
 * IP and version) or off (the withdrawal of that consent: always allowed, paper mail resumes).
 * Asking for the state it is already in changes nothing.
 */
export async function updatePaperless(
  deps: { db: Db; audit: AuditLog; now: () => Date },
  ctx: RequestContext,
  principal: Principal,
  input: PaperlessUpdate,
): Promise<Paperless> {
  const customerId = principal.customerId;
  if (customerId === null) throw new ForbiddenError();
  if (input.enabled) {
    if (!input.consent?.accepted) {
      throw consentRequired('Going paperless needs your consent to receive documents electronically.');
    }
    if (input.consent.version !== ESIGN_DISCLOSURE_VERSION) {
      throw new BusinessRuleError('esign_version_outdated', 'The E-SIGN disclosure has changed.', [
        {
          field: 'consent.version',
          code: 'esign_version_outdated',
          message: 'The disclosure was updated: read the current one and agree again.',
        },
      ]);
    }
  }
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    const current = await tx
      .select({ id: paperlessElections.id, enabled: paperlessElections.enabled })
      .from(paperlessElections)
      .where(eq(paperlessElections.customerId, customerId))
      .orderBy(desc(paperlessElections.id))
      .limit(1)
      .for('update');
    if ((current[0]?.enabled ?? false) === input.enabled) return;
    await tx.insert(paperlessElections).values({
      customerId,
      enabled: input.enabled,
      esignVersion: input.enabled ? ESIGN_DISCLOSURE_VERSION : null,
      byUserId: principal.userId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
    if (input.enabled) {
      await recordEsignConsent(tx, customerId, now, { ip: ctx.ip, userAgent: ctx.userAgent });
    }
    await deps.audit.record(tx, {
      action: input.enabled ? 'paperless.enable' : 'paperless.withdraw',
      outcome: 'success',
      actorUserId: principal.userId,
      subjectCustomerId: customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      details: input.enabled ? { esignVersion: ESIGN_DISCLOSURE_VERSION } : {},
    });
  });
  return getPaperless({ db: deps.db }, customerId);
}
