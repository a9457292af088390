import { Client as PgClient } from 'pg';
import { isAlive } from '../../local/processes';
import { callerFor, tokensFrom } from '../helpers/auth';
import { deckScenarios } from '../helpers/deck-scenarios';
import { recordHistories } from '../helpers/histories';
import { eventually, http } from '../helpers/http';
import { type LocalSystem, startLocalSystem } from '../support/harness';

let system: LocalSystem;
let db: PgClient;

beforeAll(async () => {
  system = await startLocalSystem({ label: 'e2e' });
  tokensFrom(system.issuerUrl);
  db = new PgClient({ connectionString: system.databaseUrl });
  await db.connect();
}, 240_000);

afterAll(async () => {
  await recordHistories(system.temporalAddress, ['upgrade-21314849-deck-a', 'upgrade-21301029-deck-b']);
  await db?.end();
  if (system) {
    const tree = system.processTree();
    // Stopped the way a developer stops `npm start`: Ctrl-C to the whole process group.
    expect(await system.stop('ctrl-c')).toBe(0);
    await eventually(
      async () => tree.filter(isAlive),
      (alive) => alive.length === 0,
      15_000,
    );
  }
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const api = async (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
  http<Json>(system.apiUrl, method, path, {
    ...options,
    headers: { ...(await callerFor(path)), ...options.headers },
  });

describe('eligibility, through the HTTP API (SPEC table)', () => {
  it.each([
    ['21400001', 'Mon 100 → Sem 150', 'STREAM-150-SEM', 200],
    ['21400002', 'Sem 75 → Year 150', 'STREAM-150-YEAR', 200],
    ['21400003', 'Sem 100 → Mon 150', 'STREAM-150-MON', 422],
    ['21400004', 'Mon 150 → Sem 150', 'STREAM-150-SEM', 422],
  ])('customer %s: %s answers %s', async (customerId, _row, target, status) => {
    const quote = await api('POST', `/v1/customers/${customerId}/upgrade-quotes`, {
      body: { targetPackageCode: target },
    });
    expect(quote.status).toBe(status);
    const options = await api('GET', `/v1/customers/${customerId}/upgrade-options`);
    expect(options.body.options.map((p: Json) => p.code).includes(target)).toBe(status === 200);
  });
});

deckScenarios(() => ({
  apiUrl: system.apiUrl,
  technicianApiUrl: system.apiUrl,
  rows: async (sql, params) => (await db.query(sql, params)).rows,
}));
