export { createNotificationInbox } from './inbox.ts';
export { type EnqueueOptions, enqueueMail, enqueueMails, mailQueuedSeq } from './mail-queue.ts';
export { mailQueueCounts } from './mail-queue-counts.ts';
export { createMailRelay, type MailRelay } from './mail-relay.ts';
export {
  type Notice,
  type NotifyDeps,
  type NotifyOutcome,
  notify,
} from './notify.ts';
export { readOutboxMessage } from './outbox-files.ts';
export { OUTBOX_READERS, outboxRoutes } from './outbox-routes.ts';
export { isPaperless, paperlessCustomers } from './paperless.ts';
export { preferenceRoutes } from './preference-routes.ts';
export { eventChannels } from './preferences.ts';
export { MAIL_RELAY_DEFAULTS, type RelayOptions, type RelayResult, relayMail } from './relay-mail.ts';
export { notificationRoutes } from './routes.ts';
export { createLoggingSmsSender, maskPhone, type SmsMessage, type SmsSender } from './sms.ts';
export {
  mailOutbox,
  notificationDeliveries,
  notifications,
  paperlessElections,
  smsOutbox,
} from './tables.ts';
