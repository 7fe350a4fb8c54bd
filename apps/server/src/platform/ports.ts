/**
 * Ports that use cases depend on, implemented by their owning modules and wired in app.ts:
 * identity writes audit events, sends mail and adds in-portal notifications without knowing
 * how any of them is stored or delivered.
 */
import type { Db } from './db/client.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Message category, for the ops outbox and metrics ("security_alert", "email_verification", ...). */
  category: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  /** Dotted action name: "auth.login", "auth.mfa.totp", "access.denied", "staff.view_customer", ... */
  action: string;
  outcome: AuditOutcome;
  /** Who acted (users.id), when known. */
  actorUserId?: number | null;
  /** The user or customer acted upon, when different from the actor. */
  subjectUserId?: number | null;
  subjectCustomerId?: number | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** Extra facts; never secrets or PII (no passwords, codes, SSNs, account numbers). */
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditLog {
  /** Appends one event, inside the caller's transaction when `db` is one. */
  record(db: Db, event: AuditEvent): Promise<void>;
}

export interface NotificationInput {
  userId: number;
  kind: string;
  title: string;
  body: string;
  /** A path inside the portal to act on the notice, e.g. "/accounts/ctr_.../pay". */
  link?: string | null;
}

export interface NotificationInbox {
  add(db: Db, notification: NotificationInput): Promise<void>;
  /** Many at once, in one statement (a close-of-business partition's statement notices). */
  addMany(db: Db, notifications: readonly NotificationInput[]): Promise<void>;
}
