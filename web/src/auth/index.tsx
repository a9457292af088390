/** The app's one way to sign in, whichever implementation is behind it (session.ts). */
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { NoAccessPage } from './NoAccessPage';
import { AREAS, OtherAreaPage } from './OtherAreaPage';
import { oidcAuth } from './oidc-sign-in';
import type { Refusal, Role, Session } from './session';

export type { Refusal, Role, Session } from './session';
export { safeReturnTo } from './session';

export const auth = oidcAuth;

export function useSession(): Session | null {
  return useSyncExternalStore(auth.subscribe, auth.current);
}

function useRefusal(): Refusal | null {
  return useSyncExternalStore(auth.subscribe, auth.refusal);
}

/**
 * Its children when someone of `role` is signed in in this tab. Signed out: off to the sign-in,
 * back here after. Signed in as someone else (another role): says so, and signs in anew on
 * request. Signed in at the provider as no one of ours (no role, a token the API refuses, a role
 * with no area here): says so in words, with another account or signing out as the ways on.
 */
export function RequireSession({ as: role, children }: { as: Role; children: ReactNode }) {
  const session = useSession();
  const refusal = useRefusal();
  const location = useLocation();
  const here = `/app${location.pathname}${location.search}${location.hash}`;
  const signedOut = session === null && refusal === null;
  useEffect(() => {
    if (signedOut) auth.signIn(here);
  }, [signedOut, here]);
  const anotherPerson = () => auth.signIn(here, { anotherPerson: true });
  if (session?.role === role) return children;
  if (session && AREAS[session.role]) {
    return <OtherAreaPage session={session} needs={role} onSignIn={anotherPerson} />;
  }
  if (session || refusal) {
    return (
      <NoAccessPage
        refusal={refusal ?? 'no-area'}
        session={session ?? undefined}
        onSignIn={anotherPerson}
        onSignOut={() => auth.signOut()}
      />
    );
  }
  return null;
}
