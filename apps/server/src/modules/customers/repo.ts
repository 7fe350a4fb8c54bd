import { and, eq, exists, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contracts, vehicles } from '../contracts/index.ts';
import { customerConsents, customers } from './tables.ts';

const candidateColumns = {
  id: customers.id,
  firstName: customers.firstName,
  lastName: customers.lastName,
  postalCode: customers.postalCode,
  dobEnc: customers.dobEnc,
};
export type IdentityCandidate = {
  id: number;
  firstName: string;
  lastName: string;
  postalCode: string;
  dobEnc: string | null;
};

const isParty = or(eq(contracts.customerId, customers.id), eq(contracts.coCustomerId, customers.id));

/** The customer with this SSN (by blind index) who is a party to at least one contract. */
export async function findCandidateBySsn(db: Db, ssnBidx: string): Promise<IdentityCandidate | undefined> {
  const rows = await db
    .select(candidateColumns)
    .from(customers)
    .where(
      and(
        eq(customers.ssnBidx, ssnBidx),
        exists(db.select({ one: contracts.id }).from(contracts).where(isParty)),
      ),
    )
    .limit(1);
  return rows[0];
}

/** The party to the contract with this account number or VIN whose SSN ends in these 4 digits. */
export async function findCandidateByContract(
  db: Db,
  last4Bidx: string,
  contract: { accountNumber: string | null; vin: string | null },
): Promise<IdentityCandidate | undefined> {
  const rows = await db
    .select(candidateColumns)
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .innerJoin(customers, isParty)
    .where(
      and(
        eq(customers.ssnLast4Bidx, last4Bidx),
        contract.accountNumber
          ? eq(contracts.accountNumber, contract.accountNumber)
          : eq(vehicles.vin, contract.vin ?? ''),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function insertConsents(
  db: Db,
  rows: {
    customerId: number;
    kind: 'esign' | 'privacy_notice';
    version: string;
    acceptedAt: Date;
    ip: string | null;
    userAgent: string | null;
  }[],
): Promise<void> {
  await db.insert(customerConsents).values(rows);
}

export async function findCustomerNames(db: Db, customerId: number) {
  const rows = await db
    .select({ firstName: customers.firstName, lastName: customers.lastName })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return rows[0];
}

/** The lender's contact details for a customer (shown in the security centre). */
export async function findCustomerContact(db: Db, customerId: number) {
  const rows = await db
    .select({ email: customers.email, phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return rows[0];
}

/** Keeps the customer record's contact details in step with changes made in the portal. */
export async function updateCustomerContact(
  db: Db,
  customerId: number,
  values: { email?: string; phone?: string },
): Promise<void> {
  await db.update(customers).set(values).where(eq(customers.id, customerId));
}

/** Name and mailing address, for letters (payoff quotes, notices). */
export async function findCustomerMailing(db: Db, customerId: number) {
  const rows = await db
    .select({
      firstName: customers.firstName,
      lastName: customers.lastName,
      line1: customers.addressLine1,
      line2: customers.addressLine2,
      city: customers.city,
      state: customers.state,
      postalCode: customers.postalCode,
    })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return rows[0];
}

export type CustomerLanguage = 'en' | 'es';

/** The language the customer reads letters, statements and e-mails in ('en' when unknown). */
export async function findPreferredLanguage(db: Db, customerId: number): Promise<CustomerLanguage> {
  const rows = await db
    .select({ language: customers.preferredLanguage })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return rows[0]?.language ?? 'en';
}

/** Sets the customer's language; returns the previous one (for the audit trail). */
export async function updatePreferredLanguage(
  db: Db,
  customerId: number,
  language: CustomerLanguage,
): Promise<CustomerLanguage | undefined> {
  const before = await db
    .select({ language: customers.preferredLanguage })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('update')
    .limit(1);
  await db.update(customers).set({ preferredLanguage: language }).where(eq(customers.id, customerId));
  return before[0]?.language;
}
