import { and, eq } from 'drizzle-orm';
import { contracts } from '../modules/contracts/tables.ts';
import { ESIGN_DISCLOSURE_VERSION } from '../modules/customers/index.ts';
import { upsertChannelPreference, users } from '../modules/identity/index.ts';
import {
  createLoggingSmsSender,
  createNotificationInbox,
  type NotifyDeps,
  notify,
  paperlessElections,
} from '../modules/notifications/index.ts';
import type { Db } from '../platform/db/client.ts';

/** Whose demo inbox holds notices: Daniel (lease). Maya's and Priya's stay empty for the tests. */
const NOTICES_FOR = 'daniel.reyes@example.com';
/** Chris went paperless when he registered (his E-SIGN consent is the registration's). */
const PAPERLESS = 'chris.walker@example.com';

async function customerOf(tx: Db, email: string) {
  const [user] = await tx
    .select({ id: users.id, customerId: users.customerId })
    .from(users)
    .where(eq(users.email, email));
  if (!user?.customerId) throw new Error(`demo seed: no customer ${email}`);
  return { userId: user.id, customerId: user.customerId };
}

/**
 * Demo communications: Daniel has asked for payment reminders by text and has two unread notices
 * (a statement and a payment reminder, with links), one of them texted to the sms outbox; Chris
 * is paperless. Delivered through `notify`, as the close of business will; the e-mails are not
 * sent (the seed writes no mail).
 */
export async function seedDemoNotifications(tx: Db, now: Date): Promise<void> {
  const daniel = await customerOf(tx, NOTICES_FOR);
  const [lease] = await tx
    .select({ publicId: contracts.publicId })
    .from(contracts)
    .where(and(eq(contracts.customerId, daniel.customerId), eq(contracts.type, 'lease')));
  if (!lease) throw new Error('demo seed: Daniel has no lease');
  await upsertChannelPreference(tx, {
    userId: daniel.userId,
    kind: 'payment_due_reminder',
    channel: 'sms',
    enabled: true,
    now,
  });
  const deps: NotifyDeps = {
    inbox: createNotificationInbox({ now: () => now }),
    sms: createLoggingSmsSender({ now: () => now, log: { info: () => {} } }),
    brandName: 'Solenne Motor Finance',
    now: () => now,
    // Demo history: in the inbox, never e-mailed to the demo addresses at first start.
    queueEmail: false,
  };
  await notify(tx, deps, {
    customerId: daniel.customerId,
    event: 'statement_ready',
    title: 'Your monthly statement is ready',
    body: 'Your lease statement for last month is available in your account.',
    link: `/accounts/${lease.publicId}`,
    dedupeKey: 'demo:statement_ready',
  });
  await notify(tx, deps, {
    customerId: daniel.customerId,
    event: 'payment_due_reminder',
    title: 'Your lease payment is due soon',
    body: 'See the amount due and pay in the portal, or turn on automatic payments.',
    link: `/accounts/${lease.publicId}/pay`,
    dedupeKey: 'demo:payment_due_reminder',
  });

  const chris = await customerOf(tx, PAPERLESS);
  await tx.insert(paperlessElections).values({
    customerId: chris.customerId,
    enabled: true,
    esignVersion: ESIGN_DISCLOSURE_VERSION,
    byUserId: chris.userId,
    ip: null,
    userAgent: null,
    at: now,
  });
}
