// The ledger: the only writer of money. Other contexts post through these functions, inside
// their own transaction, so a state change and its journal entry commit together.
export { ACCOUNTS, type AccountCode } from './accounts.ts';
export { accrualEntry, accrueContractTo, bookAccrual } from './accrue-interest.ts';
export { accrualAmountSql, accrueRange } from './accrue-range.ts';
export {
  type AppliedPayment,
  applyPayment,
  BackdatedPaymentError,
  type PaymentSplit,
  type PaymentToApply,
  splitPayment,
} from './apply-payment.ts';
export { bookFees } from './book-fees.ts';
export { installmentColumns, type LedgerContract, lockContract } from './contract-state.ts';
export { journalOfSource } from './journal-of-source.ts';
export { listPeriodTransactions, listTransactions } from './list-transactions.ts';
export { openContractLedgers } from './open-balances.ts';
export { paymentEntryOf } from './payment-entry.ts';
export { creditPrincipal, type PrincipalCredit } from './post-adjustment.ts';
export {
  addDeltas,
  applyReadModel,
  deltaOf,
  entryLines,
  insertEntry,
  type NewEntry,
  type NewPosting,
  NO_DELTA,
  postEntry,
  type ReadModelDelta,
  UnbalancedEntryError,
} from './post-entry.ts';
export { type PrincipalHistory, principalHistory } from './principal-history.ts';
export { reverseEntry } from './reverse-entry.ts';
export { type PaymentToReverse, reversePayment } from './reverse-payment.ts';
export { ledgerRoutes } from './routes.ts';
export { settlePayment } from './settle-payment.ts';
export { journalEntries, postings } from './tables.ts';
export { type LedgerVerdict, verifyLedger } from './verify-ledger.ts';
