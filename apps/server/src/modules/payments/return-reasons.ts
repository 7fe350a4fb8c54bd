import { RETURN_CODES, returnCodeInfo } from './ach/index.ts';

/** Why a payment failed that is not an ACH return (card declines, a method removed). */
const OTHER_REASONS: Record<string, string> = {
  card_declined: 'The card was declined',
  card_insufficient_funds: 'The card was declined for insufficient funds',
  payment_method_removed: 'The payment method was removed before the payment date',
};

/** Customer-facing reason of a returned or failed payment: the NACHA table for R-codes. */
export function returnReasonOf(code: string): string {
  return (
    OTHER_REASONS[code] ??
    (RETURN_CODES.has(code) ? returnCodeInfo(code).description : `Returned by the bank (${code})`)
  );
}
