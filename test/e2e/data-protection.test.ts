/**
 * Customer data protection on the dev-server stack, split into its four processes so that every
 * process's output is captured (test/helpers/stack.ts): both deck scenarios run, then Temporal's
 * histories are read without the codec (ciphertext only) and through it (plain), no process has
 * logged a customer's name, phone, email or street address, and the dev server's Web UI shows a
 * decoded workflow input through the codec server it is wired to.
 */
import { Client as PgClient } from 'pg';
import { launchChromium } from '../../scripts/lib/chromium';
import { customerDataInTemporal, personalDataOf } from '../helpers/customer-data';
import { deckScenarios } from '../helpers/deck-scenarios';
import { type Stack, startStack } from '../helpers/stack';

let stack: Stack;
let pg: PgClient;

beforeAll(async () => {
  stack = await startStack({ label: 'data-protection' });
  pg = new PgClient({ connectionString: stack.databaseUrl });
  await pg.connect();
}, 300_000);

afterAll(async () => {
  await pg?.end();
  if (stack) expect(await stack.teardown()).toEqual([]);
}, 120_000);

deckScenarios(() => ({
  apiUrl: stack.apiUrl,
  technicianApiUrl: stack.apiUrl,
  rows: async (sql, params) => (await pg.query(sql, params)).rows,
}));

customerDataInTemporal(() => ({
  temporalAddress: stack.temporalAddress,
  codecEndpoint: stack.codecEndpoint,
}));

describe('the logs of every process (PostgreSQL, Temporal, API, worker)', () => {
  it('hold no customer’s name, phone, email or street address', () => {
    const names = ['postgres', 'temporal', 'api', 'worker'] as const;
    // The logs are there to be searched: the API logged the deck runs' requests, by customer ID.
    expect(stack.logs('api')).toContain('/v1/customers/21301029/upgrades');
    expect(stack.logs('worker')).toContain('worker started');
    const personal = personalDataOf(['21314849', '21301029']);
    const found = names.flatMap((name) =>
      personal.filter((value) => stack.logs(name).includes(value)).map((value) => `${name}: ${value}`),
    );
    expect(found).toEqual([]);
  });
});

describe('the dev server’s Web UI, wired to the codec server', () => {
  it('shows an operator the decoded input of a run', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const ui = `http://127.0.0.1:${stack.ports.temporalUi}`;
      await page.goto(`${ui}/namespaces/default/workflows/upgrade-21301029-deck-b`, { waitUntil: 'load' });
      // The input card, as the codec server decoded it (without it the card shows ciphertext).
      await page.getByText('"idempotencyKey": "deck-b"').waitFor({ timeout: 30_000 });
      expect(await page.getByText('"customerId": "21301029"').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
