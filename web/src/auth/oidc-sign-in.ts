/**
 * Signing in through the OpenID provider (oidc-client-ts): authorization code + PKCE, the path to
 * come back to carried in `state`, tokens in sessionStorage, so each tab may be someone else
 * (customer, technician, CS). The provider and client come from the API (GET /v1/auth/web-client)
 * at start-up: `startAuth` before the first render.
 *
 * Who signed in comes from the API (`GET /v1/me` with the access token: the verifier and the
 * issuer's claim mapping that guard every route), never from the provider's claim names, so any
 * standard provider works (the development one, Keycloak, Entra ID, Auth0). The ID token serves
 * only as the hint of the sign-out.
 */
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import { type Auth, type Refusal, type Session, safeReturnTo } from './session';

export interface WebClientSettings {
  authority: string;
  clientId: string;
  scope: string;
}

type Who = Omit<Session, 'accessToken' | 'expiresAt'>;

const listeners = new Set<() => void>();
let manager: UserManager | undefined;
let cached: { user: User | null; who: Who | null; refusal: Refusal | null } = {
  user: null,
  who: null,
  refusal: null,
};
/** While the provider's answer is redeemed: the user it loads is a new sign-in, asked about by finishSignIn. */
let signingIn = false;

function managerOf(): UserManager {
  if (!manager) throw new Error('sign-in not started: call startAuth first');
  return manager;
}

function usable(user: User | null): user is User & { expires_at: number } {
  return Boolean(user?.access_token) && user?.expires_at !== undefined && !user.expired;
}

const me = createClient<paths>({ baseUrl: window.location.origin });

/**
 * Who the user's access token is, as the API says: the person, or why it refuses them. Throws
 * when the API cannot be asked (offline, 5xx): nothing is known then.
 */
export async function whoIs(accessToken: string): Promise<{ who: Who } | { refusal: Refusal }> {
  const { data, response } = await me.GET('/v1/me', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (data) {
    return {
      who: {
        role: data.role,
        subject: data.customerId ?? data.account ?? '',
        vendor: data.vendor,
        displayName: data.displayName,
      },
    };
  }
  if (response.status === 403) return { refusal: 'no-role' };
  if (response.status === 401) return { refusal: 'not-accepted' };
  throw new Error(`GET /v1/me answered ${response.status}`);
}

function keep(user: User | null, who: Who | null, refusal: Refusal | null = null): void {
  cached = { user, who, refusal };
  for (const listener of listeners) listener();
}

/** A signed-in person's user: asks the API who they are. */
async function learn(user: User | null): Promise<void> {
  if (!usable(user)) return keep(user, null);
  const answer = await whoIs(user.access_token);
  if ('who' in answer) keep(user, answer.who);
  else keep(user, null, answer.refusal);
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
  // A renewed token is the same person's: only the token changes.
  manager.events.addUserLoaded((user) => {
    if (signingIn) return;
    if (cached.who) keep(user, cached.who);
    else void learn(user).catch(() => keep(user, null));
  });
  manager.events.addUserUnloaded(() => keep(null, null));
  // The provider's answer is redeemed by finishSignIn; whoever was signed in before is not asked about.
  if (window.location.pathname.startsWith('/app/auth/callback')) return;
  await learn(await manager.getUser());
}

let callback: Promise<string> | undefined;

/** The provider's answer at /app/auth/callback: keeps the tokens, asks the API who signed in, says where to go back to (once). */
export function finishSignIn(): Promise<string> {
  signingIn = true;
  callback ??= managerOf()
    .signinRedirectCallback()
    .then(async (user) => {
      await learn(user);
      return safeReturnTo(typeof user.state === 'string' ? user.state : null);
    })
    .finally(() => {
      signingIn = false;
    });
  return callback;
}

export const oidcAuth: Auth = {
  current() {
    const { user, who } = cached;
    if (!who || !usable(user) || user.expires_at * 1000 <= Date.now()) return null;
    return sessionOf(user, who);
  },
  refusal() {
    return cached.refusal;
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

/** One object per user and person, so useSyncExternalStore sees a change only when there is one. */
let lastSession: { user: User; who: Who; session: Session } | undefined;
function sessionOf(user: User & { expires_at: number }, who: Who): Session {
  if (lastSession?.user === user && lastSession.who === who) return lastSession.session;
  const session: Session = {
    ...who,
    accessToken: user.access_token,
    expiresAt: new Date(user.expires_at * 1000).toISOString(),
  };
  lastSession = { user, who, session };
  return session;
}
