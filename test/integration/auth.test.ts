import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { createApp } from '../../api/app';
import { mintToken, statementLink } from '../../platform/auth';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { deckBillRow } from '../fixtures/deck-bill';
import { asCustomer, asOperator, asTechnician, bearer } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';

let t: TestDatabase;
let server: Server;
let base: string;
const BILL = '202511712857';

beforeAll(async () => {
  t = await startTestDatabase({ seedDate: new Date('2025-11-21T03:00:00Z') });
  await t.db.bill.create({ data: deckBillRow({ billCode: BILL }) });
  const app = createApp({
    db: t.db,
    temporal: {} as never,
    config: loadConfig({ NODE_ENV: 'test' }),
    logger: createLogger('silent'),
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await t?.teardown();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  http<Record<string, unknown>>(base, 'GET', path, { headers });

describe('authentication', () => {
  it.each([
    ['no token', {}, 'a bearer token is required'],
    [
      'a malformed header',
      { Authorization: 'Token abc' },
      'the Authorization header must be "Bearer <token>"',
    ],
    ['a token signed with another secret', bearer('customer', '21314849', 'x'.repeat(40)), 'token invalid'],
    [
      'an expired token',
      {
        Authorization: `Bearer ${jwt.sign({ role: 'customer', sub: '21314849', exp: 1_000 }, DEVELOPMENT_JWT_SECRET)}`,
      },
      'token expired',
    ],
    [
      'a token without exp',
      { Authorization: `Bearer ${jwt.sign({ role: 'customer', sub: '21314849' }, DEVELOPMENT_JWT_SECRET)}` },
      'token has no expiry (exp)',
    ],
    [
      'an unknown role',
      {
        Authorization: `Bearer ${jwt.sign({ role: 'admin', sub: 'x' }, DEVELOPMENT_JWT_SECRET, { expiresIn: 60 })}`,
      },
      'token role must be customer, technician or operator',
    ],
  ])('answers 401 for %s', async (_case, headers, detail) => {
    const answer = await get('/v1/customers/21314849/subscription', headers as Record<string, string>);
    expect(answer.status).toBe(401);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.detail).toBe(detail);
    expect(answer.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('leaves /health and /openapi.json open', async () => {
    expect((await get('/openapi.json')).status).toBe(200);
  });
});

describe('who may do what', () => {
  it('lets a customer read their own subscription', async () => {
    const answer = await get('/v1/customers/21314849/subscription', asCustomer('21314849'));
    expect(answer.status).toBe(200);
    expect(answer.body.customerId).toBe('21314849');
  });

  it('answers 404, never the data, when a customer reaches for another customer', async () => {
    for (const path of [
      '/v1/customers/21301029/subscription',
      '/v1/customers/21301029/payments',
      '/v1/customers/21301029/bills',
      '/v1/customers/21301029/inbox',
    ]) {
      const answer = await get(path, asCustomer('21314849'));
      expect([path, answer.status]).toEqual([path, 404]);
      expect(JSON.stringify(answer.body)).not.toContain('FACHRI');
    }
    const bill = await get(`/v1/bills/${BILL}`, asCustomer('21301029'));
    expect(bill.status).toBe(404);
    const ownBill = await get(`/v1/bills/${BILL}`, asCustomer('21314849'));
    expect(ownBill.status).toBe(200);
  });

  it('keeps technicians to the technician API and operators to reading', async () => {
    expect((await get('/v1/customers/21314849/subscription', asTechnician())).status).toBe(403);
    expect((await get('/v1/ops/tickets?customerId=21314849', asCustomer('21314849'))).status).toBe(403);
    expect((await get('/v1/ops/tickets?customerId=21314849', asOperator())).status).toBe(200);
    expect((await get('/v1/customers/21314849/subscription', asOperator())).status).toBe(200);
    const act = await http(base, 'POST', '/v1/customers/21314849/upgrade-quotes', {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: asOperator(),
    });
    expect(act.status).toBe(403);
    const technicianAct = await http(
      base,
      'POST',
      '/v1/technician/work-orders/WO-21112025-2825386/ont-replacement',
      {
        body: { newOntSerial: 'ZTEGD4B71C05', newOntModel: 'ZTE F670L', band: 'DUAL' },
        headers: asCustomer('21314849'),
      },
    );
    expect(technicianAct.status).toBe(403);
  });

  it('opens the statement from the email link without logging in, and nothing else with that token', async () => {
    const link = new URL(statementLink(base, DEVELOPMENT_JWT_SECRET, BILL, '21314849'));
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('771.700');
    const token = link.searchParams.get('access_token')!;
    expect((await get(`/v1/bills/${BILL}`, { Authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await get(`/v1/customers/21314849/bills?access_token=${token}`)).status).toBe(403);
    const plainToken = mintToken({ sub: '21314849', role: 'customer' }, DEVELOPMENT_JWT_SECRET);
    expect((await get(`/v1/bills/${BILL}/statement?access_token=${plainToken}`)).status).toBe(403);
  });

  it('sends security headers', async () => {
    const answer = await get('/v1/packages', asCustomer('21314849'));
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });
});
