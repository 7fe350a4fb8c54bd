export { createAuditLog } from './audit-log.ts';
export { accessDeniedRecorder } from './record-access-denied.ts';
export { AUDIT_READERS, auditRoutes } from './routes.ts';
export { auditEvents } from './tables.ts';
export { type ChainVerdict, verifyAuditChain } from './verify-chain.ts';
