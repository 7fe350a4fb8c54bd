export { createNotificationInbox } from './inbox.ts';
export { readOutboxMessage } from './outbox-files.ts';
export { OUTBOX_READERS, outboxRoutes } from './outbox-routes.ts';
export { notificationRoutes } from './routes.ts';
export { notifications } from './tables.ts';
