import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './ports.ts';

export type MailMode = 'smtp' | 'files';

/** A Mailer that also says where sent mail can be read back (the ops outbox). */
export interface OutboxMailer extends Mailer {
  readonly mode: MailMode;
  /** The directory of .eml files in `files` mode; null when mail leaves by SMTP. */
  readonly outboxDir: string | null;
}

export interface MailConfig {
  /** smtp:// or smtps:// URL (credentials in it); unset: write .eml files. */
  smtpUrl: string | undefined;
  /** The From header: `Name <address>` or a bare address. */
  mailFrom: string;
  dataDir: string;
}

/** The header that carries MailMessage.category, for the outbox and for filtering downstream. */
export const CATEGORY_HEADER = 'X-Marque-Category';

const CATEGORY = /^[a-z][a-z0-9_.]{0,63}$/;
const ADDRESS = /^(?:[^<>\r\n"]{1,100} <[^\s<>@,;]+@[^\s<>@,;]+>|[^\s<>@,;]+@[^\s<>@,;]+)$/;

export function outboxDirOf(dataDir: string): string {
  return path.join(dataDir, 'mail');
}

/** Refuse what would let a value add recipients or headers; flatten line breaks in the subject. */
function checked(message: MailMessage): MailMessage {
  if (!ADDRESS.test(message.to) || message.to.length > 254)
    throw new Error('mail: `to` must be one e-mail address');
  if (!CATEGORY.test(message.category)) throw new Error('mail: `category` must be a lower-case name');
  return { ...message, subject: message.subject.replace(/[\r\n]+/g, ' ').slice(0, 250) };
}

function envelopeOf(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    headers: { [CATEGORY_HEADER]: message.category },
  };
}

/**
 * 2026-11-24T15:00:00.123Z -> 20261124T150000123Z. File names are this instant, then 48 random
 * bits: `20261124T150000123Z-a1b2c3d4e5f6.eml` (OUTBOX_MESSAGE_ID in @marque/contracts).
 */
function compactInstant(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/**
 * Outgoing mail through nodemailer: by SMTP when `smtpUrl` is set (a fresh connection per
 * message, STARTTLS when the server offers it; failures reject so the caller can retry),
 * otherwise as RFC 5322 `.eml` files in DATA_DIR/mail, readable in the ops outbox and by any
 * mail client. Files are written atomically (temporary name, then rename) and readable by
 * the owner only: they may hold sign-in links and codes.
 */
export function createMailer(config: MailConfig): OutboxMailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    return {
      mode: 'smtp',
      outboxDir: null,
      async send(message) {
        await transport.sendMail(envelopeOf(config.mailFrom, checked(message)));
      },
    };
  }

  const dir = outboxDirOf(config.dataDir);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let lastStamp = 0;
  return {
    mode: 'files',
    outboxDir: dir,
    async send(message) {
      // Monotonic per process, so file names sort in send order.
      lastStamp = Math.max(Date.now(), lastStamp + 1);
      const sentAt = new Date(lastStamp);
      const info = await transport.sendMail({
        ...envelopeOf(config.mailFrom, checked(message)),
        date: sentAt,
      });
      const raw = info.message;
      if (!Buffer.isBuffer(raw)) throw new Error('mail: the stream transport did not return a buffer');
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const name = `${compactInstant(sentAt)}-${crypto.randomBytes(6).toString('hex')}.eml`;
      const temporary = path.join(dir, `.${name}.tmp`);
      await fs.writeFile(temporary, raw, { mode: 0o600 });
      await fs.rename(temporary, path.join(dir, name));
    },
  };
}
