import type { Autopay } from '@marque/contracts';
import { eq } from 'drizzle-orm';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import { contracts, vehicles } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { DEMO_LENDER_DETAILS, renderAutopayAuthorization, storeDocument } from '../documents/index.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import { paymentMethods } from './tables.ts';

/**
 * Files a PDF copy of the authorisation the customer just accepted in their document centre
 * (Reg E § 1005.10(b): the consumer gets a copy), in the transaction of the enrolment.
 */
export async function storeAutopayCopy(
  tx: Db,
  deps: { brand: BrandConfig },
  input: {
    accountId: string;
    autopay: Autopay;
    language: 'en' | 'es';
    ip: string;
    userAgent?: string;
    businessDate: string;
    now: Date;
  },
): Promise<string | null> {
  const [row] = await tx
    .select({
      enrolment: autopayEnrollments,
      method: paymentMethods,
      contract: contracts,
      vehicle: vehicles,
      customer: customers,
    })
    .from(autopayEnrollments)
    .innerJoin(contracts, eq(contracts.id, autopayEnrollments.contractId))
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .innerJoin(customers, eq(customers.id, autopayEnrollments.customerId))
    .innerJoin(paymentMethods, eq(paymentMethods.id, autopayEnrollments.paymentMethodId))
    .where(eq(contracts.publicId, input.accountId));
  if (!row) return null;
  const { enrolment, method, contract, vehicle, customer } = row;
  const bytes = await renderAutopayAuthorization({
    brand: deps.brand,
    language: input.language,
    createdAt: input.now.toISOString(),
    lenderAddress: DEMO_LENDER_DETAILS.correspondence,
    customer: {
      name: `${customer.firstName} ${customer.lastName}`,
      address: {
        line1: customer.addressLine1,
        city: customer.city,
        state: customer.state,
        postalCode: customer.postalCode,
      },
    },
    accountNumber: contract.accountNumber,
    vehicleDescription: `${vehicle.year} ${vehicle.make} ${vehicle.model} ${vehicle.trim}\nVIN ${vehicle.vin}`,
    bankAccount: {
      type: method.accountType ?? 'checking',
      last4: method.last4,
      routingNumber: method.routingNumber ?? '',
      ...(method.bankName ? { bankName: method.bankName } : {}),
    },
    amount:
      enrolment.amountRule === 'fixed_extra'
        ? { kind: 'amount_due_plus_extra', extraCents: enrolment.extraCents }
        : { kind: 'amount_due' },
    daysBeforeDue: enrolment.draftDaysBeforeDue,
    ...(input.autopay.nextDraft ? { firstDraftDate: input.autopay.nextDraft.date } : {}),
    authorization: {
      text: enrolment.authorizationText,
      version: enrolment.authorizationVersion,
      acceptedAt: enrolment.acceptedAt.toISOString(),
      ipAddress: input.ip,
      ...(input.userAgent ? { userAgent: input.userAgent } : {}),
    },
  });
  return storeDocument(tx, {
    customerId: customer.id,
    contractId: contract.id,
    kind: 'autopay_authorization',
    title: `Autopay authorization · ${vehicle.year} ${vehicle.make} ${vehicle.model}`,
    asOfDate: input.businessDate,
    language: input.language,
    bytes,
    createdAt: input.now,
  });
}
