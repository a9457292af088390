/** The app's one way to sign in, whichever implementation is behind it (session.ts). */
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { OtherAreaPage } from './OtherAreaPage';
import { oidcAuth } from './oidc-sign-in';
import type { Role, Session } from './session';

export type { Role, Session } from './session';
export { safeReturnTo } from './session';

export const auth = oidcAuth;

export function useSession(): Session | null {
  return useSyncExternalStore(auth.subscribe, auth.current);
}

/**
 * Its children when someone of `role` is signed in in this tab. Signed out: off to the sign-in,
 * back here after. Signed in as someone else (another role): says so, and signs in anew on request.
 */
export function RequireSession({ as: role, children }: { as: Role; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const here = `/app${location.pathname}${location.search}${location.hash}`;
  const signedOut = session === null;
  useEffect(() => {
    if (signedOut) auth.signIn(here);
  }, [signedOut, here]);
  if (session?.role === role) return children;
  if (session) {
    return (
      <OtherAreaPage
        session={session}
        needs={role}
        onSignIn={() => auth.signIn(here, { anotherPerson: true })}
      />
    );
  }
  return null;
}
