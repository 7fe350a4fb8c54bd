// Public surface of the payments module (payment methods and the card processor adapter).

export { accountPaymentRoutes } from './account-payment-routes.ts';
export { revealAccountNumber } from './add-bank-account.ts';
export { authorizationFor } from './autopay-authorization.ts';
export { autopayRoutes } from './autopay-routes.ts';
export { autopayEnrollments } from './autopay-tables.ts';
export { draftAutopayRange } from './draft-autopay-range.ts';
export { findPaymentMethod } from './find-payment-method.ts';
export { importAchReturns, type ReturnsImport } from './import-ach-returns.ts';
export { paymentMethodInUse } from './method-in-use.ts';
export type { PaymentMethodDeps } from './methods-deps.ts';
export { findLiveMethodOfCustomer, lockCustomer, type PaymentMethodRow } from './methods-repo.ts';
export { seedPaymentMethods } from './methods-seed.ts';
export { toPaymentMethod } from './methods-view.ts';
export { opsPaymentRoutes } from './ops-payment-routes.ts';
export type { FindPaymentMethod } from './payment-method-port.ts';
export { paymentMethodRoutes } from './payment-method-routes.ts';
export { achFiles, payments } from './payment-tables.ts';
export { registerCardNumberGuard } from './processor/card-number-guard.ts';
export {
  type CardDetails,
  type CardProcessor,
  CardProcessorError,
  type ChargeOutcome,
  type ChargeRequest,
  type ChargeResult,
  type RefundRequest,
  type RefundResult,
} from './processor/card-processor.ts';
export { simulatedProcessorRoutes } from './processor/sim/routes.ts';
export { createSimulatedProcessor, SIM_PROCESSOR_NAME } from './processor/sim/simulated-processor.ts';
export { SIM_TEST_CARDS } from './processor/sim/test-cards.ts';
export { type DraftRun, runAutopayDrafts } from './run-autopay-drafts.ts';
export { runScheduledPayments } from './run-scheduled-payments.ts';
export { type AchDay, sendAchForDate } from './send-ach-for-date.ts';
export { settleAchPayments } from './settle-ach-payments.ts';
export { PAYMENT_METHOD_KINDS, type PaymentMethodKind, paymentMethods } from './tables.ts';
