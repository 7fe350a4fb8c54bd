import { type Cents, cents } from '@marque/finance';
import { loadBrand } from '../../platform/brand.ts';
import { DEMO_LENDER_DETAILS } from './lender-details.ts';
import type { DocumentLanguage } from './pdf/format.ts';
import type { AutopayAuthorizationInput } from './render-autopay-authorization.ts';
import type { PayoffLetterInput } from './render-payoff-letter.ts';

/** Realistic inputs for the document tests and screenshots (demo brand, fictional people). */

const LENDER_ADDRESS = DEMO_LENDER_DETAILS.correspondence;

export function samplePayoffLetter(language: DocumentLanguage = 'en'): PayoffLetterInput {
  return {
    brand: loadBrand(undefined),
    language,
    letterDate: '2026-03-09',
    createdAt: '2026-03-09T15:42:10Z',
    quoteNumber: 'PQ-2026-0309-4417',
    lenderAddress: LENDER_ADDRESS,
    customer: {
      name: 'José Núñez Ortega',
      address: {
        line1: '1847 Calle Peñasco',
        line2: 'Apt 3B',
        city: 'San Antonio',
        state: 'TX',
        postalCode: '78207',
      },
    },
    accountNumber: '4417-2093-88',
    vehicle: { year: 2023, make: 'Solenne', model: 'Arden', trim: 'Touring', vin: '7SLAR3C52PA123456' },
    quote: {
      payoff: cents(1_843_217),
      principal: cents(1_821_904),
      interest: cents(16_313),
      fees: cents(5_000),
      goodThrough: '2026-03-31',
      perDiem: { amount: '3.4247', rounded: cents(342) as Cents },
    },
    remittance: {
      ...DEMO_LENDER_DETAILS.remittance,
      wire: {
        bankName: 'Sunrise National Bank',
        routingNumber: '091000019',
        accountNumber: '7730-114-2209',
        accountName: 'Solenne Motor Finance Payoffs',
      },
    },
    lienReleaseBusinessDays: DEMO_LENDER_DETAILS.lienReleaseBusinessDays,
  };
}

export const AUTOPAY_TEXT_EN =
  'I authorize Solenne Motor Finance to initiate recurring electronic debits (ACH) from the bank account shown above for the payments due on my account, in the amount and on the schedule shown above, and, if necessary, to initiate credits to correct a debit made in error. This authorization stays in effect until I cancel it or my account is paid in full. I can cancel it by notifying Solenne Motor Finance at least 3 business days before a scheduled payment, in the customer portal or by telephone. If a payment is returned unpaid, I may be charged the returned payment fee allowed by my contract.';

export const AUTOPAY_TEXT_ES =
  'Autorizo a Solenne Motor Finance a iniciar débitos electrónicos recurrentes (ACH) de la cuenta bancaria indicada arriba para los pagos que venzan en mi cuenta, por el monto y en las fechas indicadas arriba y, si fuera necesario, a iniciar créditos para corregir un débito hecho por error. Esta autorización seguirá vigente hasta que la cancele o mi cuenta quede liquidada. Puedo cancelarla avisando a Solenne Motor Finance al menos 3 días hábiles antes de un pago programado, en el portal de clientes o por teléfono. Si un pago es devuelto sin pagar, se me podrá cobrar el cargo por pago devuelto que permita mi contrato.';

export function sampleAutopayAuthorization(language: DocumentLanguage = 'en'): AutopayAuthorizationInput {
  return {
    brand: loadBrand(undefined),
    language,
    createdAt: '2026-03-02T14:05:41Z',
    lenderAddress: LENDER_ADDRESS,
    customer: {
      name: 'Maya Thompson',
      address: { line1: '55 Larkspur Lane', city: 'Plano', state: 'TX', postalCode: '75024' },
      email: 'maya.thompson@example.com',
    },
    accountNumber: '4417-5520-13',
    vehicleDescription: '2024 Solenne Corsa Sport\nVIN 7SLCS4H79RE004211',
    bankAccount: {
      type: 'checking',
      last4: '6789',
      routingNumber: '064097729',
      bankName: 'Solenne Community Bank',
    },
    amount: { kind: 'amount_due_plus_extra', extraCents: 5_000 },
    daysBeforeDue: 3,
    firstDraftDate: '2026-03-12',
    authorization: {
      text: language === 'es' ? AUTOPAY_TEXT_ES : AUTOPAY_TEXT_EN,
      version: 'autopay-2026-01',
      acceptedAt: '2026-03-02T14:05:33.412Z',
      ipAddress: '203.0.113.24',
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) Safari/604.1',
      confirmationNumber: 'AP-7Q4K-2M9X',
    },
  };
}
