/**
 * The development sign-in: the sign-in page lists the seeded customers (GET /v1/dev/customers)
 * and takes a token for one (POST /v1/dev/sign-in); the API refuses both in production. The
 * session lives in sessionStorage, so each tab may be someone else (customer, technician, CS).
 */
import { type Auth, isExpired, type Session, safeReturnTo } from './session';

const KEY = 'oxygen.session';
const RETURN_KEY = 'oxygen.returnTo';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      session = raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      session = null;
    }
    cached = { raw, session };
  }
  return cached.session && !isExpired(cached.session) ? cached.session : null;
}

function changed(): void {
  for (const listener of listeners) listener();
}

export const devAuth: Auth & {
  /** The sign-in page's answer: keeps the session and says where to go back to. */
  accept(session: Session): string;
  /** Where the sign-in was started from. */
  pendingReturnTo(): string;
} = {
  current: read,
  signIn(returnTo) {
    sessionStorage.setItem(RETURN_KEY, safeReturnTo(returnTo));
    window.location.assign(`/app/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`);
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    changed();
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  accept(session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
    const returnTo = devAuth.pendingReturnTo();
    sessionStorage.removeItem(RETURN_KEY);
    changed();
    return returnTo;
  },
  pendingReturnTo() {
    return safeReturnTo(sessionStorage.getItem(RETURN_KEY));
  },
};
