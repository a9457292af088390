/**
 * What the rest of the app knows of signing in: a session (who, as the API says it at `GET /v1/me`,
 * and the bearer token the API wants), how to start a sign-in that comes back to a URL, and how to
 * sign out. The OpenID Connect client (oidc-sign-in.ts: authorization code + PKCE) implements it.
 */
import type { components } from '../api/schema';

type Me = components['schemas']['Me'];

/** The roles of the API (`GET /v1/me`): which area of the web apps, if any, each opens is the pages' to say. */
export type Role = Me['role'];

export interface Session {
  role: Role;
  /** The customer ID for a customer; the account name for staff. */
  subject: string;
  /** A technician's installer vendor. */
  vendor: string | null;
  /** The name the provider gives the person, else the subject. */
  displayName: string;
  accessToken: string;
  /** ISO instant; the session is over after it. */
  expiresAt: string;
}

/**
 * Signed in at the provider, but the API does not take the person: `no-role` (403: the provider
 * grants no role of ours), `not-accepted` (401: the API does not trust the token).
 */
export type Refusal = 'no-role' | 'not-accepted';

export interface Auth {
  /** The session, or null when signed out, expired or refused. */
  current(): Session | null;
  /** Why the API refused the person signed in at the provider, or null. */
  refusal(): Refusal | null;
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
  if (!value?.startsWith('/app') || value.startsWith('//') || value.includes('\\')) return '/app/';
  if (value.startsWith('/app/sign-in') || value.startsWith('/app/auth/')) return '/app/';
  return value;
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) <= now;
}
