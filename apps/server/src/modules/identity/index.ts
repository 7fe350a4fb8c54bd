export { getAlertPreferences, isCriticalAlert, updateAlertPreferences } from './alert-preferences.ts';
export { hashPassword } from './password.ts';
export { resolveSession } from './resolve-session.ts';
export { type IdentityRouteDeps, identityRoutes } from './routes.ts';
export { TOTP_AAD } from './second-factor.ts';
export {
  listAlertPreferences as listChannelPreferences,
  upsertAlertPreference as upsertChannelPreference,
} from './self-service-repo.ts';
export { recoveryCodes, sessions, totpAuthenticators, users } from './tables.ts';
