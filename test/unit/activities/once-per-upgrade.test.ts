import { oncePerUpgrade, type UpgradeRowKey } from '../../../activities/once-per-upgrade';
import type { Database } from '../../../platform/database';

const db = {} as Database;

/** A table that keeps rows in memory and refuses a second row of an upgrade's kind as PostgreSQL would. */
function rowsInMemory() {
  const written: Array<UpgradeRowKey<string> & { note: string }> = [];
  let next = 0;
  const find = async (_db: Database, upgradeId: string, kind: string) =>
    written.find((r) => r.upgradeId === upgradeId && r.kind === kind) ?? null;
  const createOnce = oncePerUpgrade({
    draw: async () => `N-${++next}`,
    create: async (_db, key: UpgradeRowKey<string>, rest: { note: string }) => {
      if (await find(db, key.upgradeId, key.kind)) throw Object.assign(new Error('taken'), { code: 'P2002' });
      written.push({ ...key, ...rest });
      return written[written.length - 1]!;
    },
    find,
  });
  return { written, createOnce };
}

describe('an upgrade’s numbered row of a kind, created once', () => {
  it('writes the row under a number drawn, with its upgrade, its kind and the rest of its columns', async () => {
    const { written, createOnce } = rowsInMemory();
    const row = await createOnce(db, 'U-1', 'UPGRADE', { note: 'first' });
    expect(row).toEqual({ number: 'N-1', upgradeId: 'U-1', kind: 'UPGRADE', note: 'first' });
    expect(written).toHaveLength(1);
  });

  it('answers the row an earlier attempt wrote, the number drawn again left as a gap', async () => {
    const { written, createOnce } = rowsInMemory();
    await createOnce(db, 'U-1', 'UPGRADE', { note: 'first' });
    const again = await createOnce(db, 'U-1', 'UPGRADE', { note: 'retry' });
    expect(again).toMatchObject({ number: 'N-1', note: 'first' });
    expect(await createOnce(db, 'U-1', 'CHANGE_ONT', { note: 'other kind' })).toMatchObject({
      number: 'N-3',
    });
    expect(written).toHaveLength(2);
  });

  it('lets any other failure through', async () => {
    const failing = oncePerUpgrade({
      draw: async () => 'N-1',
      create: async (_db, _key: UpgradeRowKey<string>, _rest: object) => {
        throw new Error('database down');
      },
      find: async () => null,
    });
    await expect(failing(db, 'U-1', 'UPGRADE', {})).rejects.toThrow('database down');
  });
});
