/**
 * The chart of accounts. Contract sub-ledger accounts hold one contract's balances (postings
 * carry the contract id); `gl.*` accounts are the lender's general ledger. Amounts are signed:
 * debits positive, credits negative, so every entry sums to zero.
 */
export const ACCOUNTS = {
  /** Loan principal receivable, or the lease receivable (base payments still to come). Debit-normal. */
  principal: 'principal',
  /** Interest accrued and not yet paid. Debit-normal. */
  interest: 'interest',
  /** Late and NSF fees assessed and not yet paid. Debit-normal. */
  fees: 'fees',
  /** Money received that could not be applied (suspense / overpayment). Credit-normal. */
  unapplied: 'unapplied',
  /** The lender's operating bank account. */
  cash: 'gl.cash',
  /** ACH debits initiated and not yet settled (a returned debit comes back out of here). */
  cashInTransit: 'gl.cash_in_transit',
  interestIncome: 'gl.interest_income',
  feeIncome: 'gl.fee_income',
  /** Balances brought over from the previous servicing system (conversion). */
  openingBalance: 'gl.opening_balance',
  /**
   * Unearned premium a protection product's administrator owes the lender back after a
   * financed product was cancelled (its refund already credited to the contract).
   */
  protectionRefundReceivable: 'gl.protection_refund_receivable',
} as const;

export type AccountCode = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** The contract read-model columns each sub-ledger account feeds, and the sign to apply. */
export const READ_MODEL = {
  principal: { column: 'balance_cents', sign: 1 },
  interest: { column: 'interest_cents', sign: 1 },
  fees: { column: 'fees_cents', sign: 1 },
  unapplied: { column: 'unapplied_cents', sign: -1 },
} as const satisfies Record<string, { column: string; sign: 1 | -1 }>;

export type SubLedgerAccount = keyof typeof READ_MODEL;

export function isSubLedger(account: string): account is SubLedgerAccount {
  return account in READ_MODEL;
}
