import type { Database } from '../platform/database';
import { createOrFind } from '../platform/once';

/** What makes a row its upgrade's one of a kind: its number, its upgrade and its kind (the unique key). */
export interface UpgradeRowKey<K> {
  number: string;
  upgradeId: string;
  kind: K;
}

/** A table whose rows an upgrade has one of per kind, each numbered from a sequence. */
interface NumberedRows<K, D, R> {
  draw: (db: Database) => Promise<string>;
  /** Writes the row of `key`, with the rest of its columns. */
  create: (db: Database, key: UpgradeRowKey<K>, rest: D) => Promise<R>;
  find: (db: Database, upgradeId: string, kind: K) => Promise<R | null>;
}

/**
 * Creates an upgrade's row of a kind once (tickets, work orders): a number drawn, then the row; when
 * the (upgradeId, kind) key is taken (a retry, a concurrent duplicate), answers the row that holds it.
 */
export function oncePerUpgrade<K, D, R>(rows: NumberedRows<K, D, R>) {
  return async (db: Database, upgradeId: string, kind: K, rest: D): Promise<R> => {
    const { row } = await createOrFind(
      async () => rows.create(db, { number: await rows.draw(db), upgradeId, kind }, rest),
      () => rows.find(db, upgradeId, kind),
    );
    return row;
  };
}
