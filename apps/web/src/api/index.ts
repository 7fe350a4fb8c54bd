export {
  type CalculatorKind,
  type CalculatorRequest,
  type CalculatorResult,
  useCalculation,
} from './calculators.ts';
export { ApiError, apiFetch, isApiError, isUnauthenticated } from './client.ts';
export {
  cobKeys,
  cobRunOutcome,
  DELINQUENCY_PAGE_SIZE,
  type DelinquencyBucketFilter,
  useCobOverview,
  useDelinquency,
  useRequestCobRun,
} from './cob.ts';
export {
  communication,
  communicationKeys,
  useCustomerPreferences,
  useNotificationPreferences,
  usePaperless,
  useSmsOutbox,
} from './communication.ts';
export {
  DOCUMENTS_PAGE_SIZE,
  type DocumentFilters,
  documentFileHref,
  useDocuments,
} from './documents.ts';
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
  leaseKeys,
  purchaseQuoteHref,
  useEndOfTerm,
  useInspections,
  useLeaseMileage,
  useLeaseNumbers,
  useRecordMileage,
  useRequestInspection,
  wearQuery,
} from './lease.ts';
export {
  useAccountRequests,
  useDecideRequest,
  useLoanSchedule,
  useOpsAccountRequests,
  useRequestQuote,
  useSubmitRequest,
  useTitleStatus,
  useWhatIf,
} from './loan.ts';
export {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useNotificationsPage,
} from './notifications.ts';
export {
  AUDIT_PAGE_SIZE,
  type AuditFilters,
  useAuditLog,
  useOpsPayment,
  useOpsPaymentSearch,
  useOutbox,
  useOutboxMessage,
  useRequeueMail,
} from './ops.ts';
export {
  passkeys,
  passkeysQuery,
  passkeysSupported,
  usePasskeySecondFactor,
  usePasskeySignIn,
  usePasskeys,
} from './passkeys.ts';
export {
  paymentMethods,
  useCardForm,
  useInvalidatePaymentMethods,
  usePaymentMethods,
} from './payment-methods.ts';
export {
  makePayment,
  newIdempotencyKey,
  paymentKeys,
  payoffLetterHref,
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
  usePaymentOptions,
  usePayoffQuote,
  useTransactions,
} from './payments.ts';
export {
  protectionKeys,
  useCancellationQuote,
  useCancelProduct,
  useCoverage,
  useMaintenance,
  useProtectionProducts,
  useWorkOrders,
} from './protection.ts';
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
export {
  accountRecovery,
  adminSecurity,
  contact,
  useAlertPreferences,
  useContact,
  useInvalidateContact,
} from './selfService.ts';
export {
  acceptInvitation,
  DEALER_ROLES,
  STAFF_ROLES,
  USERS_PAGE_SIZE,
  type UserFilters,
  useDealers,
  useInvalidateUsers,
  userAdmin,
  useUsers,
} from './users.ts';
