// Public surface of the payments module (payment methods and the card processor adapter).
export { revealAccountNumber } from './add-bank-account.ts';
export type { PaymentMethodDeps } from './methods-deps.ts';
export { findLiveMethodOfCustomer, lockCustomer, type PaymentMethodRow } from './methods-repo.ts';
export { seedPaymentMethods } from './methods-seed.ts';
export { toPaymentMethod } from './methods-view.ts';
export { paymentMethodRoutes } from './payment-method-routes.ts';
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
export { PAYMENT_METHOD_KINDS, type PaymentMethodKind, paymentMethods } from './tables.ts';
