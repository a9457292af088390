/**
 * Rate limits shared by every replica: two API apps (two replicas, each its own database client)
 * on one PostgreSQL. A budget spent on one is spent on the other: the next request there is 429
 * with `Retry-After` and a RATE_LIMITED problem; once the window has ended it is allowed again.
 * Each limited operation answers 429 past its budget, keyed as it says (another customer, another
 * staff account still gets through).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { OPERATIONS } from '../../api/operations';
import { RATE_LIMITS } from '../../api/rate-limits';
import { type AppConfig, loadConfig } from '../../platform/config';
import { createDatabase, type Database } from '../../platform/database';
import { createLogger } from '../../platform/logger';
import { asCs, asCustomer, bearer, trustingEnv } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { type HttpAnswer, http } from '../helpers/http';

const SITI = '21400001';
const DEWI = '21400003';
const AHMAD = '21314849';
const BUDGET = 2;
/** Short, so the test can wait one out; each test spends budgets of its own (its own customers, accounts, limits). */
const WINDOW_MS = 4_000;

let t: TestDatabase;
let secondDb: Database;
const servers: Server[] = [];
let replicaA: string;
let replicaB: string;

async function listen(db: Database, config: AppConfig): Promise<string> {
  const app = createApp({ db, temporal: {} as never, config, logger: createLogger('silent') });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const loaded = loadConfig({ NODE_ENV: 'test', ...(await trustingEnv()) });
  const config: AppConfig = {
    ...loaded,
    rateLimit: {
      windowMs: WINDOW_MS,
      upgradeStarts: BUDGET,
      quotes: BUDGET,
      paymentNotifications: BUDGET,
      csSearches: BUDGET,
    },
  };
  t = await startTestDatabase();
  secondDb = createDatabase(t.url, { maxConnections: 2 });
  replicaA = await listen(t.db, config);
  replicaB = await listen(secondDb, config);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await secondDb?.$disconnect();
  await t?.teardown();
});

const quote = async (base: string, customerId = SITI) =>
  http(base, 'POST', `/v1/customers/${customerId}/upgrade-quotes`, {
    headers: await asCustomer(customerId),
    body: { targetPackageCode: 'STREAM-150-SEM' },
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectRateLimited(answer: HttpAnswer) {
  expect(answer.status).toBe(429);
  expect(answer.contentType).toContain('application/problem+json');
  expect(answer.body).toMatchObject({
    type: 'about:blank',
    title: 'Too Many Requests',
    status: 429,
    reason: 'RATE_LIMITED',
    detail: expect.stringContaining('again after Retry-After seconds'),
  });
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(0);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000));
  expect(answer.headers.get('ratelimit-policy')).toContain(`q=${BUDGET}`);
}

describe('a budget shared by every replica', () => {
  it('spent on one replica, the next request on the other is 429 with Retry-After; after the window it is allowed again', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await quote(replicaA)).status).toBe(200);
    const refused = await quote(replicaB);
    expectRateLimited(refused);
    // The budget is this customer's: another customer quotes on.
    expect((await quote(replicaB, DEWI)).status).not.toBe(429);

    await sleep(WINDOW_MS);
    expect((await quote(replicaB)).status).toBe(200);
    expect((await quote(replicaA)).status).toBe(200);
  });
});

describe('each limited operation answers 429 past its budget', () => {
  it('the limits name operations that exist (a renamed operation would lose its limit)', () => {
    const ids = OPERATIONS.map((op) => op.operationId);
    expect(Object.keys(RATE_LIMITS).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('the upgrade start, per customer', async () => {
    // Invalid bodies are counted too: the budget is for requests, whatever they ask.
    const start = async (base: string, customerId = SITI) =>
      http(base, 'POST', `/v1/customers/${customerId}/upgrades`, {
        headers: await asCustomer(customerId),
        body: { targetPackageCode: 'STREAM-150-SEM', discount: 100 },
      });
    for (let i = 0; i < BUDGET; i++) expect((await start(i % 2 ? replicaA : replicaB)).status).toBe(400);
    expectRateLimited(await start(replicaA));
    expect((await start(replicaA, DEWI)).status).toBe(400);
  });

  it('the quote, per customer', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await quote(replicaB, AHMAD)).status).not.toBe(429);
    expectRateLimited(await quote(replicaB, AHMAD));
  });

  it('the CS customer search, per staff account', async () => {
    const search = async (base: string, headers: Record<string, string>) =>
      http(base, 'GET', '/v1/cs/customers?q=0813', { headers });
    const rina = await asCs();
    for (let i = 0; i < BUDGET; i++) expect((await search(replicaA, rina)).status).toBe(200);
    expectRateLimited(await search(replicaB, rina));
    expect((await search(replicaB, await bearer('cs', 'cs-andi'))).status).toBe(200);
  });

  it('the payment gateway’s notifications, per source address (before the signature is checked)', async () => {
    const notify = (base: string) =>
      http(base, 'POST', '/v1/payments/midtrans/notification', {
        body: {
          order_id: '202512000001-1',
          status_code: '200',
          gross_amount: '1.00',
          transaction_status: 'settlement',
          signature_key: 'not-a-signature',
        },
      });
    for (let i = 0; i < BUDGET; i++) expect((await notify(replicaA)).status).not.toBe(429);
    expectRateLimited(await notify(replicaB));
  });

  it('leaves OPTIONS to the API: a limited path still lists every method it has', async () => {
    const answer = await fetch(`${replicaA}/v1/customers/${SITI}/upgrades`, {
      method: 'OPTIONS',
      headers: await asCustomer(SITI),
    });
    expect(answer.headers.get('allow')?.split(/,\s*/).sort()).toEqual(
      expect.arrayContaining(['GET', 'POST']),
    );
  });

  it('only the limited operations: a customer’s other reads are not counted', async () => {
    for (let i = 0; i < BUDGET + 2; i++)
      expect(
        (await http(replicaA, 'GET', `/v1/customers/${SITI}/home`, { headers: await asCustomer(SITI) }))
          .status,
      ).toBe(200);
  });
});
