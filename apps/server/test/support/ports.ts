import type { Db } from '../../src/platform/db/client.ts';
import type { OutboxMailer } from '../../src/platform/mail.ts';
import type {
  AuditEvent,
  AuditLog,
  MailMessage,
  NotificationInbox,
  NotificationInput,
} from '../../src/platform/ports.ts';

/**
 * The real mailer, audit log and inbox, each keeping what passed through it in memory, so tests
 * can read e-mailed codes and check alerts and audit events without parsing files or querying.
 * Without an inner implementation they only record (for unit tests that need no database).
 */
export class RecordingMailer implements OutboxMailer {
  readonly messages: MailMessage[] = [];
  constructor(private readonly inner?: OutboxMailer) {}
  get mode(): OutboxMailer['mode'] {
    return this.inner?.mode ?? 'files';
  }
  get outboxDir(): OutboxMailer['outboxDir'] {
    return this.inner?.outboxDir ?? null;
  }
  async send(message: MailMessage): Promise<void> {
    await this.inner?.send(message);
    this.messages.push(message);
  }
  to(address: string): MailMessage[] {
    return this.messages.filter((m) => m.to === address);
  }
  /** The last 6-digit code e-mailed to an address. */
  lastCode(address: string): string {
    const text = this.to(address).at(-1)?.text ?? '';
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (!code) throw new Error(`no code e-mailed to ${address}`);
    return code;
  }
}

export class RecordingAudit implements AuditLog {
  readonly events: AuditEvent[] = [];
  constructor(private readonly inner?: AuditLog) {}
  async record(db: Db, event: AuditEvent): Promise<void> {
    await this.inner?.record(db, event);
    this.events.push(event);
  }
  of(action: string): AuditEvent[] {
    return this.events.filter((e) => e.action === action);
  }
}

export class RecordingInbox implements NotificationInbox {
  readonly notifications: NotificationInput[] = [];
  constructor(private readonly inner?: NotificationInbox) {}
  async add(db: Db, notification: NotificationInput): Promise<void> {
    await this.inner?.add(db, notification);
    this.notifications.push(notification);
  }
  async addMany(db: Db, notifications: readonly NotificationInput[]): Promise<void> {
    await this.inner?.addMany(db, notifications);
    this.notifications.push(...notifications);
  }
}

export function recordingPorts() {
  return { mailer: new RecordingMailer(), audit: new RecordingAudit(), inbox: new RecordingInbox() };
}
