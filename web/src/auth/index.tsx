/** The app's one way to sign in, whichever implementation is behind it (session.ts). */
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { oidcAuth } from './oidc-sign-in';
import type { Role, Session } from './session';

export type { Role, Session } from './session';
export { safeReturnTo } from './session';

export const auth = oidcAuth;

export function useSession(): Session | null {
  return useSyncExternalStore(auth.subscribe, auth.current);
}

/** Its children when someone of `role` is signed in; otherwise off to the sign-in, back here after. */
export function RequireSession({ as: role, children }: { as: Role; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const allowed = session?.role === role;
  const here = `/app${location.pathname}${location.search}${location.hash}`;
  useEffect(() => {
    if (!allowed) auth.signIn(here);
  }, [allowed, here]);
  return allowed ? children : null;
}
