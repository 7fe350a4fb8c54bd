import type { ContactDetails } from '@marque/contracts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http/access.ts';
import { findCustomerContact } from '../customers/index.ts';
import type { IdentityDeps } from './deps.ts';
import { findUserById } from './repo.ts';

/** The sign-in e-mail and, for customers, the phone number on their record. */
export async function getContact(
  deps: Pick<IdentityDeps, 'db'>,
  principal: Principal,
): Promise<ContactDetails> {
  const user = await findUserById(deps.db, principal.userId);
  if (!user) throw new UnauthenticatedError();
  const customer = user.customerId ? await findCustomerContact(deps.db, user.customerId) : undefined;
  return {
    email: user.email,
    emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
    phone: customer?.phone ?? null,
    phoneEditable: user.customerId !== null,
  };
}
