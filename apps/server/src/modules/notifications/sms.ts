import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { smsOutbox } from './tables.ts';

export interface SmsMessage {
  /** E.164, e.g. +15551234567. */
  to: string;
  text: string;
  /** The notification event or alert kind, for the outbox and metrics. */
  category: string;
  customerId?: number | null;
}

/**
 * The SMS port. `send` runs inside the caller's transaction: the message is recorded in the
 * sms outbox with it, so a rolled-back notice leaves no text behind and a retried one none twice.
 */
export interface SmsSender {
  readonly mode: 'log' | 'provider';
  send(db: Db, message: SmsMessage): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const CATEGORY = /^[a-z][a-z0-9_.]{0,63}$/;
/** One text segment set: carriers split longer texts; notices stay short and point to the portal. */
export const SMS_MAX_LENGTH = 320;

/**
 * The number a text goes to, in E.164: numbers entered in the portal already are; records from
 * origination can hold a US number as "951-555-0134". Null when it is not a usable number.
 */
export function e164Of(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (E164.test(phone)) return phone;
  const digits = phone.replace(/[\s().-]/g, '');
  if (/^\d{10}$/.test(digits)) return `+1${digits}`;
  if (/^1\d{10}$/.test(digits)) return `+${digits}`;
  return null;
}

/** "+15551234567" -> "•••-•••-4567": enough for a person to recognise their number, no more. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? '••••' : `•••-•••-${digits.slice(-4)}`;
}

/**
 * The development adapter: writes the text to the sms outbox (status 'logged', readable in the
 * ops outbox) and logs one line with the masked number and the category, never the text itself
 * (a notice can name amounts and account endings).
 */
export function createLoggingSmsSender(deps: {
  now: () => Date;
  log: { info: (obj: object, msg: string) => void };
}): SmsSender {
  return {
    mode: 'log',
    async send(db, message) {
      if (!E164.test(message.to)) throw new Error('sms: `to` must be an E.164 phone number');
      if (!CATEGORY.test(message.category)) throw new Error('sms: `category` must be a lower-case name');
      const publicId = newId('sms');
      await db.insert(smsOutbox).values({
        publicId,
        customerId: message.customerId ?? null,
        toPhone: message.to,
        category: message.category,
        text: message.text.replace(/\s+/g, ' ').trim().slice(0, SMS_MAX_LENGTH),
        status: 'logged',
        createdAt: deps.now(),
      });
      deps.log.info(
        { sms: publicId, to: maskPhone(message.to), category: message.category },
        'sms logged (development adapter, not sent)',
      );
    },
  };
}
