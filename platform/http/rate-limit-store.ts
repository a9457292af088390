/**
 * An express-rate-limit store whose counters live in PostgreSQL (the `RateLimitCounter` table),
 * so every replica of the API counts against one budget: a fixed window per key, opened by the
 * key's first hit and closed at `resetsAt`, both on the database's clock (replicas' clocks may
 * differ). One statement per counted request: an upsert that starts a new window once the old
 * one has ended. Ended windows are deleted now and then by whichever replica counts.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Database } from '../database';

/** Every this many counted requests, a replica deletes the windows that have ended. */
const SWEEP_EVERY = 500;

export class PostgresRateLimitStore implements Store {
  /** The counters are shared: express-rate-limit must not treat them as this process's own. */
  readonly localKeys = false;
  private windowMs = 60_000;
  private counted = 0;

  /** `prefix` names the limit: its keys never meet another limit's in the one table. */
  constructor(
    private readonly db: Database,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.db.$queryRaw<Array<{ hits: number; resetsAt: Date }>>`
      SELECT hits, "resetsAt" FROM "RateLimitCounter" WHERE key = ${this.prefix + key} AND "resetsAt" > now()`;
    return row ? { totalHits: row.hits, resetTime: row.resetsAt } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const [row] = await this.db.$queryRaw<Array<{ hits: number; resetsAt: Date }>>`
      INSERT INTO "RateLimitCounter" AS c (key, hits, "resetsAt")
      VALUES (${this.prefix + key}, 1, now() + ${this.windowMs}::int * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN c."resetsAt" <= now() THEN 1 ELSE c.hits + 1 END,
        "resetsAt" = CASE WHEN c."resetsAt" <= now() THEN excluded."resetsAt" ELSE c."resetsAt" END
      RETURNING hits, "resetsAt"`;
    this.counted += 1;
    if (this.counted % SWEEP_EVERY === 0) void this.sweep();
    if (!row) throw new Error('rate limit counter not written');
    return { totalHits: row.hits, resetTime: row.resetsAt };
  }

  async decrement(key: string): Promise<void> {
    await this.db.$executeRaw`
      UPDATE "RateLimitCounter" SET hits = hits - 1
      WHERE key = ${this.prefix + key} AND hits > 0 AND "resetsAt" > now()`;
  }

  async resetKey(key: string): Promise<void> {
    await this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE key = ${this.prefix + key}`;
  }

  /** Deletes the windows that have ended (a failure is harmless: the next sweep does it). */
  async sweep(): Promise<number> {
    return this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetsAt" <= now()`.catch(() => 0);
  }
}
