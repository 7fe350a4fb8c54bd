export { createNotificationInbox } from './inbox.ts';
export {
  type Notice,
  type NotifyDeps,
  type NotifyOutcome,
  notify,
  notifyNow,
  sendNotificationMail,
} from './notify.ts';
export { readOutboxMessage } from './outbox-files.ts';
export { OUTBOX_READERS, outboxRoutes } from './outbox-routes.ts';
export { isPaperless } from './paperless.ts';
export { preferenceRoutes } from './preference-routes.ts';
export { eventChannels } from './preferences.ts';
export { notificationRoutes } from './routes.ts';
export { createLoggingSmsSender, maskPhone, type SmsMessage, type SmsSender } from './sms.ts';
export { notificationDeliveries, notifications, paperlessElections, smsOutbox } from './tables.ts';
