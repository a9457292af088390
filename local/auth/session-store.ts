/**
 * Where the development provider keeps its sessions, grants, codes and tokens: this process's
 * memory, so they end with `npm start` (signing in again is one click). Ours rather than the
 * library's quick-start store, which warns at every start that it is not for production: neither
 * is this provider.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const entries = new Map<string, Entry>();
/** The keys of every token a grant issued, so revoking the grant revokes them all. */
const grants = new Map<string, Set<string>>();
/**
 * What a grant issued. An interaction or a session names its grant too, but revoking a grant (as
 * a sign-in as someone else does) must not take the interaction in progress with it.
 */
const ISSUED_BY_GRANTS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

const live = (key: string): AdapterPayload | undefined => {
  const entry = entries.get(key);
  if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
  return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
};

function sweepExpired(): void {
  const now = Date.now();
  for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
}

export class SessionStore implements Adapter {
  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  /** `expiresIn` in seconds; some models (a session without a TTL) come without one and never expire here. */
  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    if (entries.size % 1000 === 999) sweepExpired();
    const key = this.key(id);
    const expiresAt =
      typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
    entries.set(key, { payload, expiresAt });
    if (payload.grantId && ISSUED_BY_GRANTS.has(this.model))
      grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key));
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return live(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    for (const key of entries.keys()) {
      const payload = key.startsWith(`${this.model}:`) ? live(key) : undefined;
      if (payload?.uid === uid) return payload;
    }
    return undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    for (const key of entries.keys()) {
      const payload = key.startsWith(`${this.model}:`) ? live(key) : undefined;
      if (payload?.userCode === userCode) return payload;
    }
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = live(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of grants.get(grantId) ?? []) entries.delete(key);
    grants.delete(grantId);
  }
}
