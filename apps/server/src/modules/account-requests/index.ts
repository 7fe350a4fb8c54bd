export { accountRequestRoutes, REQUEST_DECIDERS } from './routes.ts';
export { accountRequests } from './tables.ts';
