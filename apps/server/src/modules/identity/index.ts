export { hashPassword } from './password.ts';
export { resolveSession } from './resolve-session.ts';
export { identityRoutes } from './routes.ts';
export { sessions, users } from './tables.ts';
