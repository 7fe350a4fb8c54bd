export { createIdentityMatcher, type IdentityMatcher } from './match-identity.ts';
export {
  ESIGN_DISCLOSURE_VERSION,
  recordEsignConsent,
  recordRegistrationConsents,
} from './record-consents.ts';
export {
  type CustomerLanguage,
  findCustomerContact,
  findCustomerMailing,
  findCustomerNames,
  findPreferredLanguage,
  updateCustomerContact,
  updatePreferredLanguage,
} from './repo.ts';
export { customerConsents, customers } from './tables.ts';
