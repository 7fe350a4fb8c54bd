import { createBrowserRouter, type RouteObject } from 'react-router';
import { AffordabilityPage } from './areas/calculators/AffordabilityPage.tsx';
import { BuyVsLeasePage } from './areas/calculators/BuyVsLeasePage.tsx';
import { CalculatorsPage } from './areas/calculators/CalculatorsPage.tsx';
import { LeaseCalculatorPage } from './areas/calculators/LeaseCalculatorPage.tsx';
import { LoanCalculatorPage } from './areas/calculators/LoanCalculatorPage.tsx';
import { CommunicationPreferencesPage } from './areas/communication/CommunicationPreferencesPage.tsx';
import { DocumentsPage } from './areas/documents/DocumentsPage.tsx';
import { InvitationPage } from './areas/invitation/InvitationPage.tsx';
import { LeaseCentrePage } from './areas/lease/LeaseCentrePage.tsx';
import { LoanDetailsPage } from './areas/loan/LoanDetailsPage.tsx';
import { OpsRequestsPage } from './areas/loan/OpsRequestsPage.tsx';
import { RequestsPage } from './areas/loan/RequestsPage.tsx';
import { NotificationsPage } from './areas/notifications/NotificationsPage.tsx';
import { AuditPage } from './areas/ops/AuditPage.tsx';
import { CobPage } from './areas/ops/CobPage.tsx';
import { DelinquencyPage } from './areas/ops/DelinquencyPage.tsx';
import { OpsPaymentPage } from './areas/ops/OpsPaymentPage.tsx';
import { OpsPaymentsPage } from './areas/ops/OpsPaymentsPage.tsx';
import { OutboxMessagePage } from './areas/ops/OutboxMessagePage.tsx';
import { OutboxPage } from './areas/ops/OutboxPage.tsx';
import { UsersPage } from './areas/ops/UsersPage.tsx';
import { PaymentMethodsPage } from './areas/payment-methods/PaymentMethodsPage.tsx';
import { AutopayPage } from './areas/payments/AutopayPage.tsx';
import { PayPage } from './areas/payments/PayPage.tsx';
import { TransactionsPage } from './areas/payments/TransactionsPage.tsx';
import { AccountDetailPage } from './areas/portal/AccountDetailPage.tsx';
import { DashboardPage } from './areas/portal/DashboardPage.tsx';
import { MfaVerifyPage } from './areas/portal/MfaVerifyPage.tsx';
import { SignInPage } from './areas/portal/SignInPage.tsx';
import { SignInSetupPage } from './areas/portal/SignInSetupPage.tsx';
import { ProtectionPage } from './areas/protection/ProtectionPage.tsx';
import { RecoverPage } from './areas/recover/RecoverPage.tsx';
import { RegisterPage } from './areas/register/RegisterPage.tsx';
import { SecurityPage } from './areas/security/SecurityPage.tsx';
import { AreaLayout } from './areas/shared/AreaLayout.tsx';
import { NotFoundPage } from './areas/shared/NotFoundPage.tsx';
import { RequireSession } from './areas/shared/RequireSession.tsx';
import { RouteError } from './areas/shared/RouteError.tsx';
import { StaffAreaHome } from './areas/shared/StaffAreaHome.tsx';

/** Who may open close of business and delinquency (the server's COB_READERS). */
const COB_READERS = ['admin', 'supervisor', 'agent', 'analyst'] as const;

/** Pages every signed-in person has, in whichever area they work: the security centre and the inbox. */
const personalPages: RouteObject[] = [
  { path: 'security', element: <SecurityPage /> },
  { path: 'notifications', element: <NotificationsPage /> },
];

/**
 * Three areas, each with its own layout: the customer portal at `/`, the dealer desk at `/dealer`,
 * the operations console at `/ops`. The server answers every non-API path with index.html.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      path: '/dealer',
      element: (
        <AreaLayout
          area="dealer"
          homeHref="/dealer"
          nav={[
            { to: '/dealer', labelKey: 'nav.home' },
            { to: '/dealer/security', labelKey: 'nav.security' },
          ]}
        />
      ),
      errorElement: <RouteError />,
      children: [
        { index: true, element: <StaffAreaHome area="dealer" /> },
        { element: <RequireSession />, children: personalPages },
        { path: '*', element: <NotFoundPage home="/dealer" /> },
      ],
    },
    {
      path: '/ops',
      element: (
        <AreaLayout
          area="ops"
          homeHref="/ops"
          nav={[
            { to: '/ops', labelKey: 'nav.home' },
            { to: '/ops/outbox', labelKey: 'nav.outbox', activePrefixes: ['/ops/outbox/'] },
            { to: '/ops/payments', labelKey: 'nav.payments', activePrefixes: ['/ops/payments/'] },
            { to: '/ops/requests', labelKey: 'nav.requests', roles: ['admin', 'supervisor', 'agent'] },
            { to: '/ops/audit', labelKey: 'nav.audit' },
            { to: '/ops/cob', labelKey: 'nav.cob', roles: COB_READERS },
            { to: '/ops/delinquency', labelKey: 'nav.delinquency', roles: COB_READERS },
            { to: '/ops/users', labelKey: 'nav.users', roles: ['admin'] },
            { to: '/ops/security', labelKey: 'nav.security' },
          ]}
        />
      ),
      errorElement: <RouteError />,
      children: [
        { index: true, element: <StaffAreaHome area="ops" /> },
        {
          element: <RequireSession />,
          children: [
            ...personalPages,
            { path: 'outbox', element: <OutboxPage /> },
            { path: 'outbox/:messageId', element: <OutboxMessagePage /> },
            { path: 'audit', element: <AuditPage /> },
            { path: 'payments', element: <OpsPaymentsPage /> },
            { path: 'payments/:paymentId', element: <OpsPaymentPage /> },
            { path: 'users', element: <UsersPage /> },
            { path: 'requests', element: <OpsRequestsPage /> },
            { path: 'cob', element: <CobPage /> },
            { path: 'delinquency', element: <DelinquencyPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage home="/ops" /> },
      ],
    },
    {
      path: '/',
      element: (
        <AreaLayout
          area="portal"
          homeHref="/"
          nav={[
            { to: '/', labelKey: 'nav.accounts', activePrefixes: ['/accounts/', '/payment-methods'] },
            { to: '/documents', labelKey: 'nav.documents' },
            { to: '/security', labelKey: 'nav.security' },
          ]}
        />
      ),
      errorElement: <RouteError />,
      children: [
        { path: 'signin', element: <SignInPage /> },
        { path: 'signin/verify', element: <MfaVerifyPage /> },
        { path: 'signin/setup', element: <SignInSetupPage /> },
        { path: 'register', element: <RegisterPage /> },
        { path: 'recover', element: <RecoverPage /> },
        // The link e-mailed to an invited staff or dealer user (and after an admin resets them).
        { path: 'invitation', element: <InvitationPage /> },
        // Public calculators: no sign-in; the inputs live in the query string so links can be shared.
        { path: 'calculators', element: <CalculatorsPage /> },
        { path: 'calculators/loan', element: <LoanCalculatorPage /> },
        { path: 'calculators/lease', element: <LeaseCalculatorPage /> },
        { path: 'calculators/buy-vs-lease', element: <BuyVsLeasePage /> },
        { path: 'calculators/affordability', element: <AffordabilityPage /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'accounts/:accountId', element: <AccountDetailPage /> },
            { path: 'accounts/:accountId/lease', element: <LeaseCentrePage /> },
            { path: 'payment-methods', element: <PaymentMethodsPage /> },
            { path: 'accounts/:accountId/pay', element: <PayPage /> },
            { path: 'accounts/:accountId/transactions', element: <TransactionsPage /> },
            { path: 'accounts/:accountId/autopay', element: <AutopayPage /> },
            { path: 'notifications/preferences', element: <CommunicationPreferencesPage /> },
            { path: 'accounts/:accountId/protection', element: <ProtectionPage /> },
            { path: 'accounts/:accountId/loan', element: <LoanDetailsPage /> },
            { path: 'accounts/:accountId/requests', element: <RequestsPage /> },
            { path: 'documents', element: <DocumentsPage /> },
            ...personalPages,
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
