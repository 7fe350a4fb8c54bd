import { addDays, type IsoDate, parseMoney } from '@marque/finance';
import { eq } from 'drizzle-orm';
import { contracts, vehicles } from '../modules/contracts/tables.ts';
import { customers } from '../modules/customers/tables.ts';
import { dealers } from '../modules/dealers/tables.ts';
import { seedDemoDocuments } from '../modules/documents/index.ts';
import { hashPassword } from '../modules/identity/password.ts';
import { TOTP_AAD } from '../modules/identity/second-factor.ts';
import { totpAuthenticators, users } from '../modules/identity/tables.ts';
import { seedLeaseCentre } from '../modules/leasing/index.ts';
import { openContractLedgers } from '../modules/ledger/index.ts';
import { lienReleases } from '../modules/loan-details/index.ts';
import { seedPaymentMethods } from '../modules/payments/index.ts';
import { seedProtection } from '../modules/protection/index.ts';
import type { FieldCipher } from '../platform/crypto/field-encryption.ts';
import type { Db } from '../platform/db/client.ts';
import { inTransaction } from '../platform/db/tx.ts';
import { accountNumberFrom, newId } from '../platform/ids.ts';
import { type SeededContract, seededLease, seededLoan } from './contract-state.ts';
import {
  DEMO_CUSTOMERS,
  DEMO_DEALER,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_TOTP_SECRET,
  type DemoCustomer,
} from './demo-data.ts';
import { seededRandom, vinFrom } from './random.ts';
import { seedDemoNotifications } from './seed-notifications.ts';

const MODEL_CODES = { Vela: 'VL', Arden: 'AR', Brio: 'BR', Terran: 'TR' } as const;

export interface SeedDemoResult {
  seeded: boolean;
  customers: number;
  contracts: number;
  users: number;
}

/** True when the demo world (or any dealer) already exists: seeding twice is a no-op. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: dealers.id })
    .from(dealers)
    .where(eq(dealers.code, DEMO_DEALER.code))
    .limit(1);
  return rows.length > 0;
}

/** Customer PII goes in encrypted; the column name is the associated data, binding each value to its column. */
export function encryptCustomerPii(cipher: FieldCipher, person: { ssn: string; dob: string }) {
  const ssnDigits = person.ssn.replace(/\D/g, '');
  return {
    ssnEnc: cipher.encrypt(ssnDigits, 'customers.ssn'),
    ssnBidx: cipher.blindIndex(ssnDigits, 'ssn'),
    ssnLast4Bidx: cipher.blindIndex(ssnDigits.slice(-4), 'ssn_last4'),
    dobEnc: cipher.encrypt(person.dob, 'customers.dob'),
  };
}

/**
 * Create the demo world: the Solenne brand's dealer, staff, and customers with loans and
 * leases whose history ends at the business date. Deterministic for a given business date.
 */
export async function seedDemo(
  deps: { db: Db; cipher: FieldCipher },
  businessDate: IsoDate,
): Promise<SeedDemoResult> {
  if (await hasDemoData(deps.db)) return { seeded: false, customers: 0, contracts: 0, users: 0 };
  const random = seededRandom(20261124);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date(`${businessDate}T00:00:00Z`);
  let contractCount = 0;
  let userCount = 0;

  await inTransaction(deps.db, async (tx) => {
    const [dealer] = await tx
      .insert(dealers)
      .values({ publicId: newId('dlr'), ...DEMO_DEALER })
      .returning({ id: dealers.id });
    if (!dealer) throw new Error('dealer insert failed');

    for (const staff of DEMO_STAFF) {
      const isDealer = staff.role === 'dealer_user' || staff.role === 'dealer_admin';
      const [user] = await tx
        .insert(users)
        .values({
          publicId: newId('usr'),
          email: staff.email,
          passwordHash,
          role: staff.role,
          displayName: staff.displayName,
          dealerId: isDealer ? dealer.id : null,
          emailVerifiedAt: now,
        })
        .returning({ id: users.id });
      await enrolDemoTotp(tx, deps.cipher, user?.id, now);
      userCount++;
    }

    for (const [index, person] of DEMO_CUSTOMERS.entries()) {
      const customerId = await insertCustomer(tx, deps.cipher, person);
      if (person.registered) {
        const [user] = await tx
          .insert(users)
          .values({
            publicId: newId('usr'),
            email: person.email,
            passwordHash,
            role: 'customer',
            displayName: `${person.firstName} ${person.lastName}`,
            customerId,
            emailVerifiedAt: now,
          })
          .returning({ id: users.id });
        await enrolDemoTotp(tx, deps.cipher, user?.id, now);
        userCount++;
        await seedPaymentMethods({ db: tx, cipher: deps.cipher, now }, customerId, person);
      }
      for (const [n, demo] of person.contracts.entries()) {
        const msrp = parseMoney(demo.vehicle.msrp);
        const state: SeededContract =
          demo.type === 'loan' ? seededLoan(demo, businessDate) : seededLease(demo, msrp, businessDate);
        const monthsDriven = Math.max(0, demo.monthsAgo);
        const [vehicle] = await tx
          .insert(vehicles)
          .values({
            publicId: newId('veh'),
            vin: vinFrom(random, '7SL', MODEL_CODES[demo.vehicle.model], demo.vehicle.year),
            year: demo.vehicle.year,
            make: 'Solenne',
            model: demo.vehicle.model,
            trim: demo.vehicle.trim,
            color: demo.vehicle.color,
            odometer: demo.vehicle.odometer + Math.round(monthsDriven * (900 + random() * 500)),
            odometerDate: businessDate,
            msrpCents: msrp,
          })
          .returning({ id: vehicles.id, odometer: vehicles.odometer });
        if (!vehicle) throw new Error('vehicle insert failed');
        const [contract] = await tx
          .insert(contracts)
          .values({
            publicId: newId('ctr'),
            accountNumber: accountNumberFrom(4_100_000_000 + index * 10 + n),
            customerId,
            vehicleId: vehicle.id,
            dealerId: dealer.id,
            ...state,
          })
          .returning({ id: contracts.id });
        if (contract && state.type === 'lease') {
          await seedLeaseCentre(
            tx,
            {
              contractId: contract.id,
              vehicleId: vehicle.id,
              dealerId: dealer.id,
              contractDate: state.contractDate,
              odometer: vehicle.odometer,
            },
            businessDate,
          );
        }
        if (demo.type === 'loan' && demo.paidOffDaysAgo !== undefined && contract)
          await tx
            .insert(lienReleases)
            .values(demoLienRelease(contract.id, person.address.state, businessDate, demo.paidOffDaysAgo));
        contractCount++;
      }
    }
    await openContractLedgers(tx, businessDate);
    await seedDemoNotifications(tx, now);
    await seedProtection(tx, businessDate);
  });
  await seedDemoDocuments(deps.db, businessDate);
  return { seeded: true, customers: DEMO_CUSTOMERS.length, contracts: contractCount, users: userCount };
}

/**
 * A paid-off demo loan's title: payoff received, the release requested the next day, the state's
 * release still to come (its expected dates follow the state rule).
 */
function demoLienRelease(contractId: number, state: string, businessDate: IsoDate, daysAgo: number) {
  const payoff = addDays(businessDate, -daysAgo);
  return { contractId, titleState: state, payoffReceivedOn: payoff, releaseRequestedOn: addDays(payoff, 1) };
}

/** Demo logins have MFA like everyone else: the shared demo authenticator secret (README). */
async function enrolDemoTotp(
  tx: Db,
  cipher: FieldCipher,
  userId: number | undefined,
  now: Date,
): Promise<void> {
  if (userId === undefined) throw new Error('user insert failed');
  await tx.insert(totpAuthenticators).values({
    userId,
    secretEnc: cipher.encrypt(DEMO_TOTP_SECRET, TOTP_AAD),
    createdAt: now,
    confirmedAt: now,
  });
}

async function insertCustomer(tx: Db, cipher: FieldCipher, person: DemoCustomer): Promise<number> {
  const [row] = await tx
    .insert(customers)
    .values({
      publicId: newId('cus'),
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phone: person.phone,
      ...encryptCustomerPii(cipher, person),
      addressLine1: person.address.line1,
      city: person.address.city,
      state: person.address.state,
      postalCode: person.address.postalCode,
    })
    .returning({ id: customers.id });
  if (!row) throw new Error('customer insert failed');
  return row.id;
}
