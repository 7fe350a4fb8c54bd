import { createBrowserRouter } from 'react-router';
import { AccountDetailPage } from './areas/portal/AccountDetailPage.tsx';
import { DashboardPage } from './areas/portal/DashboardPage.tsx';
import { SignInPage } from './areas/portal/SignInPage.tsx';
import { AreaLayout } from './areas/shared/AreaLayout.tsx';
import { NotFoundPage } from './areas/shared/NotFoundPage.tsx';
import { RequireSession } from './areas/shared/RequireSession.tsx';
import { RouteError } from './areas/shared/RouteError.tsx';
import { StaffAreaHome } from './areas/shared/StaffAreaHome.tsx';

/**
 * Three areas, each with its own layout: the customer portal at `/`, the dealer desk at `/dealer`,
 * the operations console at `/ops`. The server answers every non-API path with index.html.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      path: '/dealer',
      element: <AreaLayout area="dealer" homeHref="/dealer" />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <StaffAreaHome area="dealer" /> },
        { path: '*', element: <NotFoundPage home="/dealer" /> },
      ],
    },
    {
      path: '/ops',
      element: <AreaLayout area="ops" homeHref="/ops" />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <StaffAreaHome area="ops" /> },
        { path: '*', element: <NotFoundPage home="/ops" /> },
      ],
    },
    {
      path: '/',
      element: (
        <AreaLayout
          area="portal"
          homeHref="/"
          nav={[{ to: '/', labelKey: 'nav.accounts', activePrefixes: ['/accounts/'] }]}
        />
      ),
      errorElement: <RouteError />,
      children: [
        { path: 'signin', element: <SignInPage /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'accounts/:accountId', element: <AccountDetailPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
