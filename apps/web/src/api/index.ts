export { ApiError, apiFetch, isApiError, isUnauthenticated } from './client.ts';
export {
  identityKeys,
  isPreAuthExpired,
  isStepUpRequired,
  registration,
  security,
  stepUp,
  useInvalidateSecurity,
  useLogin,
  useSecurityOverview,
  useSendEmailCode,
  useSessions,
  useSignInEnrolment,
  useVerifyMfa,
} from './identity.ts';
export {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useNotificationsPage,
} from './notifications.ts';
export { AUDIT_PAGE_SIZE, type AuditFilters, useAuditLog, useOutbox, useOutboxMessage } from './ops.ts';
export {
  makePayment,
  newIdempotencyKey,
  paymentKeys,
  saveAutopay,
  stopAutopay,
  TRANSACTIONS_PAGE_SIZE,
  type TransactionFilters,
  transactionsCsvHref,
  useAccountPayments,
  useAutopay,
  useAutopayChanged,
  useCancelPayment,
  useMakePayment,
  usePaymentMethods,
  usePaymentOptions,
  usePayoffQuote,
  useTransactions,
} from './payments.ts';
export {
  clearPersonalData,
  createQueryClient,
  type LogoutOutcome,
  meQuery,
  queryKeys,
  useAccount,
  useAccounts,
  useBrand,
  useLogout,
  useMe,
} from './queries.ts';
