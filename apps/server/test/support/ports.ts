import type {
  AuditEvent,
  AuditLog,
  Mailer,
  MailMessage,
  NotificationInbox,
  NotificationInput,
} from '../../src/platform/ports.ts';

/** Keeps every message, so tests can read e-mailed codes and check alerts. */
export class RecordingMailer implements Mailer {
  readonly messages: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
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
  async record(_db: unknown, event: AuditEvent): Promise<void> {
    this.events.push(event);
  }
  of(action: string): AuditEvent[] {
    return this.events.filter((e) => e.action === action);
  }
}

export class RecordingInbox implements NotificationInbox {
  readonly notifications: NotificationInput[] = [];
  async add(_db: unknown, notification: NotificationInput): Promise<void> {
    this.notifications.push(notification);
  }
}

export function recordingPorts() {
  return { mailer: new RecordingMailer(), audit: new RecordingAudit(), inbox: new RecordingInbox() };
}
