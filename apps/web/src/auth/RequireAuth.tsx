import { Navigate, Outlet, useLocation } from 'react-router';

import { useSession } from './use-session';

/** Pages behind sign-in: a visitor goes to the sign-in page and comes back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Only a path inside this app, never another site (an open redirect through `?next=`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
