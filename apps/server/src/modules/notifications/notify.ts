import type { NotificationEvent } from '@marque/contracts';
import { NOTIFICATION_DEFAULTS } from '@marque/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { MailMessage, NotificationInbox } from '../../platform/ports.ts';
import { findCustomerContact } from '../customers/index.ts';
import { users } from '../identity/index.ts';
import { enqueueMail } from './mail-queue.ts';
import { eventChannels } from './preferences.ts';
import { e164Of, type SmsSender } from './sms.ts';
import { notificationDeliveries } from './tables.ts';

export interface NotifyDeps {
  inbox: NotificationInbox;
  sms: SmsSender;
  brandName: string;
  now: () => Date;
  /** The portal's external origin, to turn `link` into a URL in e-mails. */
  publicOrigin?: string;
  /**
   * false: the e-mail is recorded in the outcome but not queued. Only for the demo seed, whose
   * notices are history from before the server ran: nobody should get them by mail at first start.
   */
  queueEmail?: boolean;
}

export interface Notice {
  customerId: number;
  event: NotificationEvent;
  title: string;
  body: string;
  /** A path inside the portal to act on it ("/accounts/ctr_.../pay"). */
  link?: string;
  /**
   * Makes the notice once-only per customer: a second call with the same key (a resumed close
   * of business, a retried job) delivers nothing. E.g. "statement_ready:ctr_...:2026-11".
   */
  dedupeKey?: string;
  /** The inbox kind when it should differ from the event (e.g. "payment_scheduled"). */
  kind?: string;
  /** Only this portal user of the customer (the one who acted); default: each active one. */
  userId?: number;
  /** E-mail wording when it should say more than title and body. */
  email?: { subject?: string; text?: string };
  /** SMS wording; default "Brand: title". Keep it short and free of account numbers. */
  smsText?: string;
}

export interface NotifyOutcome {
  /** True when the dedupe key had been used: nothing was delivered. */
  duplicate: boolean;
  inbox: number;
  sms: number;
  /** The e-mails queued in the outbox in the same transaction (the relay sends them after commit). */
  mail: MailMessage[];
}

async function recipientsOf(tx: Db, customerId: number, userId: number | undefined) {
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.customerId, customerId),
        eq(users.status, 'active'),
        userId === undefined ? undefined : eq(users.id, userId),
      ),
    )
    .orderBy(users.id);
}

/**
 * The one way to tell a customer something: looks up each of the customer's portal users'
 * preferences for the event and delivers to the channels they allow — the in-portal inbox, the
 * SMS outbox and the e-mail outbox, all inside `tx` (the mail relay sends e-mail after commit,
 * so a rolled-back notice e-mails nobody). A customer without a portal user gets the event's default e-mail and text
 * at the customer record's address and phone. Texts go once per customer, to the phone on file.
 */
export async function notify(tx: Db, deps: NotifyDeps, notice: Notice): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { duplicate: false, inbox: 0, sms: 0, mail: [] };
  const [delivery] = await tx
    .insert(notificationDeliveries)
    .values({
      customerId: notice.customerId,
      event: notice.event,
      dedupeKey: notice.dedupeKey ?? null,
      createdAt: deps.now(),
    })
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id });
  if (!delivery) return { ...outcome, duplicate: true };

  const contact = await findCustomerContact(tx, notice.customerId);
  const people = await recipientsOf(tx, notice.customerId, notice.userId);
  const targets =
    people.length > 0
      ? await Promise.all(
          people.map(async (p) => ({
            userId: p.id as number | null,
            email: p.email as string | null,
            channels: await eventChannels(tx, p.id, notice.event),
          })),
        )
      : [{ userId: null, email: contact?.email ?? null, channels: NOTIFICATION_DEFAULTS[notice.event] }];

  const url = notice.link && deps.publicOrigin ? `${deps.publicOrigin}${notice.link}` : null;
  for (const target of targets) {
    if (target.channels.inbox && target.userId !== null) {
      await deps.inbox.add(tx, {
        userId: target.userId,
        kind: notice.kind ?? notice.event,
        title: notice.title,
        body: notice.body,
        link: notice.link ?? null,
      });
      outcome.inbox++;
    }
    if (target.channels.email && target.email) {
      const message: MailMessage = {
        to: target.email,
        subject: notice.email?.subject ?? `${deps.brandName}: ${notice.title}`,
        text:
          notice.email?.text ??
          [
            notice.body,
            '',
            url ? `See it in your account: ${url}` : 'Sign in to see it in your account.',
          ].join('\n'),
        category: notice.event,
      };
      // The delivery row already makes a keyed notice once-only; the outbox key (per recipient)
      // keeps that true of the e-mail even if a caller retries around it.
      if (deps.queueEmail !== false)
        await enqueueMail(tx, message, {
          now: deps.now(),
          ...(notice.dedupeKey
            ? { dedupeKey: `notify:${notice.customerId}:${notice.dedupeKey}:${target.userId ?? 'contact'}` }
            : {}),
        });
      outcome.mail.push(message);
    }
  }
  const phone = e164Of(contact?.phone);
  if (phone && targets.some((t) => t.channels.sms)) {
    await deps.sms.send(tx, {
      to: phone,
      text: notice.smsText ?? `${deps.brandName}: ${notice.title}`,
      category: notice.event,
      customerId: notice.customerId,
    });
    outcome.sms++;
  }
  await tx
    .update(notificationDeliveries)
    .set({ inboxCount: outcome.inbox, emailCount: outcome.mail.length, smsCount: outcome.sms })
    .where(eq(notificationDeliveries.id, delivery.id));
  return outcome;
}
