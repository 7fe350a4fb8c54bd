import type { CardBrand, PaymentMethod } from '@marque/contracts';
import type { PaymentMethodRow } from './methods-repo.ts';
import { isCardExpired } from './processor/card-numbers.ts';

/** The API view: masked (last 4 only), never the encrypted number, the token or the fingerprint. */
export function toPaymentMethod(row: PaymentMethodRow, now: Date): PaymentMethod {
  const base = { id: row.publicId, nickname: row.nickname, createdAt: row.createdAt.toISOString() };
  if (row.kind === 'bank_account') {
    return {
      ...base,
      type: 'bank_account',
      bankAccount: {
        holderName: row.holderName ?? '',
        bankName: row.bankName,
        routingNumber: row.routingNumber ?? '',
        accountType: row.accountType ?? 'checking',
        last4: row.last4,
      },
    };
  }
  const expMonth = row.cardExpMonth ?? 1;
  const expYear = row.cardExpYear ?? 0;
  return {
    ...base,
    type: 'card',
    card: {
      brand: (row.cardBrand ?? 'unknown') as CardBrand,
      last4: row.last4,
      expMonth,
      expYear,
      expired: isCardExpired(expMonth, expYear, now),
    },
  };
}

const BRAND_NAMES: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  unknown: 'Card',
};

/** How alerts name a method: "Solenne Community Bank checking ending in 6789", "Visa ending in 4242". */
export function describeMethod(row: PaymentMethodRow): string {
  if (row.kind === 'card')
    return `${BRAND_NAMES[(row.cardBrand ?? 'unknown') as CardBrand]} ending in ${row.last4}`;
  return `${row.bankName ?? 'Bank'} ${row.accountType ?? ''} account ending in ${row.last4}`.replace(
    /\s+/g,
    ' ',
  );
}
