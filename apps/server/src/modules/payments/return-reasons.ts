/**
 * Customer-facing wording for ACH return codes. The NACHA table with every code and its
 * handling rules lives with the ACH file code; this is what the portal says.
 */
const REASONS: Record<string, string> = {
  R01: 'Insufficient funds',
  R02: 'Bank account closed',
  R03: 'No account, or the account number could not be found',
  R04: 'Invalid account number',
  R08: 'Payment stopped by the account holder',
  R09: 'Uncollected funds',
  R10: 'The account holder says the debit was not authorised',
  R16: 'Bank account frozen',
  R20: 'The account does not allow this kind of debit',
  R29: 'The business account holder did not authorise the debit',
  card_declined: 'The card was declined',
  card_insufficient_funds: 'The card was declined for insufficient funds',
  payment_method_removed: 'The payment method was removed before the payment date',
};

export function returnReasonOf(code: string): string {
  return REASONS[code] ?? `Returned by the bank (${code})`;
}
