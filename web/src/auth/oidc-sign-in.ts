/**
 * Signing in through the OpenID provider (oidc-client-ts): authorization code + PKCE, the path to
 * come back to carried in `state`, tokens in sessionStorage, so each tab may be someone else
 * (customer, technician, CS). The provider and client come from the API (GET /v1/auth/web-client)
 * at start-up: `startAuth` before the first render.
 */
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { type Auth, type Role, type Session, safeReturnTo } from './session';

export interface WebClientSettings {
  authority: string;
  clientId: string;
  scope: string;
}

const ROLES: readonly Role[] = ['customer', 'technician', 'operator'];
const listeners = new Set<() => void>();
let manager: UserManager | undefined;
let cached: { user: User | null; session: Session | null } = { user: null, session: null };

function managerOf(): UserManager {
  if (!manager) throw new Error('sign-in not started: call startAuth first');
  return manager;
}

/** The session of a signed-in person: role and subject from the provider's claims. */
export function sessionOf(user: User | null): Session | null {
  if (!user?.access_token || user.expires_at === undefined) return null;
  const profile = user.profile as Record<string, unknown>;
  const roles = Array.isArray(profile.roles) ? profile.roles : [];
  const role = ROLES.find((r) => roles.includes(r));
  if (!role) return null;
  const subject = String(
    role === 'customer' ? (profile.customer_id ?? '') : (profile.preferred_username ?? profile.sub),
  );
  return {
    role,
    subject,
    accessToken: user.access_token,
    expiresAt: new Date(user.expires_at * 1000).toISOString(),
  };
}

function keep(user: User | null): void {
  cached = { user, session: sessionOf(user) };
  for (const listener of listeners) listener();
}

export async function startAuth(settings: WebClientSettings): Promise<void> {
  const app = `${window.location.origin}/app`;
  manager = new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    response_type: 'code',
    redirect_uri: `${app}/auth/callback`,
    post_logout_redirect_uri: `${app}/`,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // A minute before the access token ends, the refresh token gets the next one in the background:
    // the screen, and whatever is typed into it, stays.
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
  manager.events.addUserLoaded((user) => keep(user));
  manager.events.addUserUnloaded(() => keep(null));
  keep(await manager.getUser());
}

let callback: Promise<string> | undefined;

/** The provider's answer at /app/auth/callback: keeps the tokens, says where to go back to (once). */
export function finishSignIn(): Promise<string> {
  callback ??= managerOf()
    .signinRedirectCallback()
    .then((user) => {
      keep(user);
      return safeReturnTo(typeof user.state === 'string' ? user.state : null);
    });
  return callback;
}

export const oidcAuth: Auth = {
  current() {
    const { session } = cached;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  },
  signIn(returnTo, options) {
    void managerOf().signinRedirect({
      state: safeReturnTo(returnTo),
      ...(options?.anotherPerson ? { prompt: 'login' } : {}),
    });
  },
  signOut() {
    const m = managerOf();
    const idToken = cached.user?.id_token;
    void m.removeUser().then(() => m.signoutRedirect({ id_token_hint: idToken }));
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
