export * from './accounts.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './identity.ts';
export * from './notifications.ts';
export * from './ops.ts';
export * from './passkeys.ts';
export * from './system.ts';
