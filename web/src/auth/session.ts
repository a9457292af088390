/**
 * What the rest of the app knows of signing in: a session (who, and the bearer token the API
 * wants), how to start a sign-in that comes back to a URL, and how to sign out. The OpenID
 * Connect client (oidc-sign-in.ts: authorization code + PKCE) implements it.
 */
export type Role = 'customer' | 'technician' | 'operator';

export interface Session {
  role: Role;
  /** The customer ID for a customer; the account name for staff. */
  subject: string;
  accessToken: string;
  /** ISO instant; the session is over after it. */
  expiresAt: string;
}

export interface Auth {
  /** The session, or null when signed out or expired. */
  current(): Session | null;
  /**
   * Leaves for the sign-in; once signed in, the app opens `returnTo` (a path under /app).
   * `anotherPerson` asks the provider for its sign-in page even while its session is someone's.
   */
  signIn(returnTo: string, options?: { anotherPerson?: boolean }): void;
  signOut(): void;
  /** Called on every change of the session; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Only paths inside the app are followed after sign-in (no open redirect). */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/app') || value.startsWith('//') || value.includes('\\')) return '/app/';
  if (value.startsWith('/app/sign-in') || value.startsWith('/app/auth/')) return '/app/';
  return value;
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}
