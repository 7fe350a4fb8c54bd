export { createIdentityMatcher, type IdentityMatcher } from './match-identity.ts';
export {
  ESIGN_DISCLOSURE_VERSION,
  recordEsignConsent,
  recordRegistrationConsents,
} from './record-consents.ts';
export {
  findCustomerContact,
  findCustomerMailing,
  findCustomerNames,
  updateCustomerContact,
} from './repo.ts';
export { customerConsents, customers } from './tables.ts';
