import { addDays, addMonths, compareDates, type IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { BrandConfig } from '../../platform/brand.ts';
import type { Db } from '../../platform/db/client.ts';
import { contracts, vehicles } from '../contracts/index.ts';
import { customers, findPreferredLanguage } from '../customers/index.ts';
import { ledgerFacts } from './ledger-facts.ts';
import type { LenderDetails } from './lender-details.ts';
import type { DocumentLanguage } from './pdf/format.ts';
import type { PostalAddress } from './pdf/parts.ts';
import { renderContractCopy } from './render-contract-copy.ts';
import { renderPrivacyNotice } from './render-privacy-notice.ts';
import { renderYearEndInterest } from './render-year-end-interest.ts';
import { storeDocument } from './store-document.ts';

export interface DocumentDeps {
  brand: BrandConfig;
  lender: LenderDetails;
  now: () => Date;
}

type CustomerRow = typeof customers.$inferSelect;

const CONTRACT_TITLES: Record<DocumentLanguage, Record<'loan' | 'lease', string>> = {
  en: { loan: 'Retail installment contract', lease: 'Lease agreement' },
  es: { loan: 'Contrato de venta a plazos', lease: 'Contrato de arrendamiento' },
};

export function mailingOf(
  customer: Pick<
    CustomerRow,
    'firstName' | 'lastName' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode'
  >,
): { name: string; address: PostalAddress } {
  return {
    name: `${customer.firstName} ${customer.lastName}`,
    address: {
      line1: customer.addressLine1,
      ...(customer.addressLine2 ? { line2: customer.addressLine2 } : {}),
      city: customer.city,
      state: customer.state,
      postalCode: customer.postalCode,
    },
  };
}

async function partiesOf(db: Db, contractId: number) {
  const [row] = await db
    .select({ contract: contracts, vehicle: vehicles, customer: customers })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .where(eq(contracts.id, contractId));
  if (!row) throw new Error(`documents: no contract ${contractId}`);
  return row;
}

/** The copy of the disclosed terms, once per contract. */
export async function issueContractCopy(
  db: Db,
  deps: DocumentDeps,
  contractId: number,
  requested?: DocumentLanguage,
): Promise<string | null> {
  const { contract: k, vehicle, customer } = await partiesOf(db, contractId);
  // Not asked for a language: the customer's own.
  const language = requested ?? customer.preferredLanguage;
  const terms =
    k.type === 'loan'
      ? { type: 'loan' as const, apr: k.apr ?? '0', amountFinancedCents: k.amountFinancedCents ?? 0 }
      : {
          type: 'lease' as const,
          grossCapCostCents: k.grossCapCostCents ?? 0,
          capCostReductionCents: k.capCostReductionCents ?? 0,
          residualCents: k.residualCents ?? 0,
          mileageAllowancePerYear: k.mileageAllowancePerYear ?? 0,
          excessMileageRateCents: k.excessMileageRateCents ?? 0,
        };
  const bytes = await renderContractCopy({
    brand: deps.brand,
    language,
    createdAt: `${k.contractDate}T12:00:00Z`,
    lenderAddress: deps.lender.correspondence,
    customer: mailingOf(customer),
    accountNumber: k.accountNumber,
    vehicle,
    contractDate: k.contractDate,
    firstPaymentDate: k.firstPaymentDate,
    termMonths: k.termMonths,
    paymentCents: k.paymentCents,
    terms,
  });
  return storeDocument(db, {
    customerId: customer.id,
    contractId: k.id,
    kind: 'contract_copy',
    title: `${CONTRACT_TITLES[language][k.type]} · ${vehicle.year} ${vehicle.make} ${vehicle.model}`,
    asOfDate: k.contractDate,
    cycleKey: 'signed',
    language,
    bytes,
    createdAt: deps.now(),
  });
}

export async function issuePrivacyNotice(
  db: Db,
  deps: DocumentDeps,
  customerId: number,
  asOfDate: IsoDate,
  requested?: DocumentLanguage,
): Promise<string | null> {
  const language = requested ?? (await findPreferredLanguage(db, customerId));
  const bytes = await renderPrivacyNotice({
    brand: deps.brand,
    language,
    createdAt: `${asOfDate}T12:00:00Z`,
    lenderAddress: deps.lender.correspondence,
  });
  return storeDocument(db, {
    customerId,
    contractId: null,
    kind: 'privacy_notice',
    title: language === 'es' ? 'Aviso de privacidad' : 'Privacy notice',
    asOfDate,
    language,
    bytes,
    createdAt: deps.now(),
  });
}

/**
 * The year-end interest statement (Form 1098-VLI facts) of a loan for a tax year: interest its
 * payments paid in that year, read from the journal. Leases have none. Once per (loan, year).
 */
export async function issueYearEndInterest(
  db: Db,
  deps: DocumentDeps,
  contractId: number,
  taxYear: number,
  requested?: DocumentLanguage,
): Promise<string | null> {
  const { contract: k, vehicle, customer } = await partiesOf(db, contractId);
  const language = requested ?? customer.preferredLanguage;
  const yearEnd = `${taxYear}-12-31`;
  if (k.type !== 'loan' || compareDates(k.contractDate, yearEnd) > 0) return null;
  const facts = await ledgerFacts(
    db,
    k.id,
    { start: yearEnd, end: yearEnd },
    { from: `${taxYear}-01-01`, to: yearEnd },
  );
  const bytes = await renderYearEndInterest({
    brand: deps.brand,
    language,
    createdAt: deps.now().toISOString(),
    taxYear,
    lenderAddress: deps.lender.correspondence,
    customer: mailingOf(customer),
    accountNumber: k.accountNumber,
    vin: vehicle.vin,
    originationDate: k.contractDate,
    principalCents: k.amountFinancedCents ?? 0,
    interestPaidCents: facts.interestPaid,
  });
  return storeDocument(db, {
    customerId: customer.id,
    contractId: k.id,
    kind: 'year_end_interest',
    title:
      language === 'es'
        ? `Estado de intereses ${taxYear} (Formulario 1098-VLI)`
        : `${taxYear} interest statement (Form 1098-VLI)`,
    asOfDate: yearEnd,
    cycleKey: String(taxYear),
    language,
    bytes,
    createdAt: deps.now(),
  });
}

/** Year-end statements for every loan open during the year; returns how many were new. */
export async function issueYearEndStatements(db: Db, deps: DocumentDeps, taxYear: number): Promise<number> {
  const loans = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.type, 'loan'));
  let issued = 0;
  for (const { id } of loans) if (await issueYearEndInterest(db, deps, id, taxYear)) issued++;
  return issued;
}

/** The last `count` statement cycles and the one due on `nextDueDate`, oldest first: [statement date, due date]. */
export function pastCycles(
  nextDueDate: IsoDate,
  contractDate: IsoDate,
  count: number,
): Array<[IsoDate, IsoDate]> {
  const out: Array<[IsoDate, IsoDate]> = [];
  for (let n = count; n >= 0; n--) {
    const due = addMonths(nextDueDate, -n);
    const statementDate = addDays(due, -20);
    if (compareDates(statementDate, contractDate) > 0) out.push([statementDate, due]);
  }
  return out;
}
