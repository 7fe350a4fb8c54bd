import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { InvitationPage } from './areas/invitation/InvitationPage.tsx';
import { NotificationsPage } from './areas/notifications/NotificationsPage.tsx';
import { OpsPaymentPage } from './areas/ops/OpsPaymentPage.tsx';
import { OpsPaymentsPage } from './areas/ops/OpsPaymentsPage.tsx';
import { OutboxMessagePage } from './areas/ops/OutboxMessagePage.tsx';
import { OutboxPage } from './areas/ops/OutboxPage.tsx';
import { PaymentMethodsPage } from './areas/payment-methods/PaymentMethodsPage.tsx';
import { AutopayPage } from './areas/payments/AutopayPage.tsx';
import { PayPage } from './areas/payments/PayPage.tsx';
import { TransactionsPage } from './areas/payments/TransactionsPage.tsx';
import { AccountDetailPage } from './areas/portal/AccountDetailPage.tsx';
import { DashboardPage } from './areas/portal/DashboardPage.tsx';
import { MfaVerifyPage } from './areas/portal/MfaVerifyPage.tsx';
import { SignInPage } from './areas/portal/SignInPage.tsx';
import { SignInSetupPage } from './areas/portal/SignInSetupPage.tsx';
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

/**
 * A page fetched when it is first visited: the charts library and the pages most people never
 * open (calculators, lease and loan details, ops tools) stay out of the first download.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

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
            { path: 'audit', ...page(() => import('./areas/ops/AuditPage.tsx'), 'AuditPage') },
            { path: 'payments', element: <OpsPaymentsPage /> },
            { path: 'payments/:paymentId', element: <OpsPaymentPage /> },
            { path: 'users', ...page(() => import('./areas/ops/UsersPage.tsx'), 'UsersPage') },
            {
              path: 'requests',
              ...page(() => import('./areas/loan/OpsRequestsPage.tsx'), 'OpsRequestsPage'),
            },
            { path: 'cob', ...page(() => import('./areas/ops/CobPage.tsx'), 'CobPage') },
            {
              path: 'delinquency',
              ...page(() => import('./areas/ops/DelinquencyPage.tsx'), 'DelinquencyPage'),
            },
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
        {
          path: 'calculators',
          ...page(() => import('./areas/calculators/CalculatorsPage.tsx'), 'CalculatorsPage'),
        },
        {
          path: 'calculators/loan',
          ...page(() => import('./areas/calculators/LoanCalculatorPage.tsx'), 'LoanCalculatorPage'),
        },
        {
          path: 'calculators/lease',
          ...page(() => import('./areas/calculators/LeaseCalculatorPage.tsx'), 'LeaseCalculatorPage'),
        },
        {
          path: 'calculators/buy-vs-lease',
          ...page(() => import('./areas/calculators/BuyVsLeasePage.tsx'), 'BuyVsLeasePage'),
        },
        {
          path: 'calculators/affordability',
          ...page(() => import('./areas/calculators/AffordabilityPage.tsx'), 'AffordabilityPage'),
        },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'accounts/:accountId', element: <AccountDetailPage /> },
            {
              path: 'accounts/:accountId/lease',
              ...page(() => import('./areas/lease/LeaseCentrePage.tsx'), 'LeaseCentrePage'),
            },
            { path: 'payment-methods', element: <PaymentMethodsPage /> },
            { path: 'accounts/:accountId/pay', element: <PayPage /> },
            { path: 'accounts/:accountId/transactions', element: <TransactionsPage /> },
            { path: 'accounts/:accountId/autopay', element: <AutopayPage /> },
            {
              path: 'notifications/preferences',
              ...page(
                () => import('./areas/communication/CommunicationPreferencesPage.tsx'),
                'CommunicationPreferencesPage',
              ),
            },
            {
              path: 'accounts/:accountId/protection',
              ...page(() => import('./areas/protection/ProtectionPage.tsx'), 'ProtectionPage'),
            },
            {
              path: 'accounts/:accountId/loan',
              ...page(() => import('./areas/loan/LoanDetailsPage.tsx'), 'LoanDetailsPage'),
            },
            {
              path: 'accounts/:accountId/requests',
              ...page(() => import('./areas/loan/RequestsPage.tsx'), 'RequestsPage'),
            },
            {
              path: 'documents',
              ...page(() => import('./areas/documents/DocumentsPage.tsx'), 'DocumentsPage'),
            },
            ...personalPages,
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
