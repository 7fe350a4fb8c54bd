import { Navigate, Outlet, useLocation } from 'react-router';
import { isUnauthenticated, useMe } from '../../api/index.ts';
import { ErrorState, LoadingState } from '../../ui/index.ts';
import { signInPath } from './paths.ts';

/** Renders the signed-in pages below it, or sends the visitor to sign in (and back here afterwards). */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (isUnauthenticated(me.error)) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  if (me.data) return <Outlet />;
  if (me.isPending) return <LoadingState cards={2} />;
  return <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
}
