import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';
import type { Db } from '../../platform/db/client.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import type { AuditEvent, AuditLog, Mailer, NotificationInbox } from '../../platform/ports.ts';
import type { Throttle } from '../../platform/throttle/throttle.ts';

/** What identity's use cases need; built once in routes.ts from the app's dependencies. */
export interface IdentityDeps {
  db: Db;
  now: () => Date;
  cipher: FieldCipher;
  mailer: Mailer;
  audit: AuditLog;
  inbox: NotificationInbox;
  throttle: Throttle;
  /** The lender's brand: TOTP issuer, e-mail wording, and a context word passwords may not contain. */
  brandName: string;
  /** Where links in e-mails point (invitations), e.g. https://portal.example.com. */
  publicOrigin: string;
}

/** One audit event with the request's who/where filled in. */
export function audit(
  deps: Pick<IdentityDeps, 'db' | 'audit'>,
  ctx: RequestContext,
  event: Omit<AuditEvent, 'ip' | 'userAgent' | 'requestId'>,
): Promise<void> {
  return deps.audit.record(deps.db, {
    ...event,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  });
}

/** The per-account throttle subject for an e-mail address: a keyed hash, never the address. */
export function accountSubject(deps: Pick<IdentityDeps, 'cipher'>, email: string): string {
  return deps.cipher.blindIndex(email, 'throttle_account');
}
