import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createNotificationActivities } from '../../activities/notifications';
import type { ApiDependencies } from '../../api/app';
import { notificationsRouter } from '../../api/routes/notifications';
import { type AppConfig, EMAIL_FROM_DEFAULT, loadConfig } from '../../platform/config';
import { problemHandler } from '../../platform/http/problem';
import { createLogger } from '../../platform/logger';
import { OutboxEmailTransport } from '../../platform/notifications/email-transport';
import { LocalPushGateway } from '../../platform/notifications/push-gateway';
import { principalFor } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';

const AHMAD = '21314849';
const FACHRI = '21301029';
const UPGRADE = 'upgrade-21301029-api';

interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  deepLink: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  upgradeId: string | null;
}
interface OutboxMessage {
  id: number;
  customerId: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  sentAt: string;
}
interface Problem {
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const JAKARTA_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

let t: TestDatabase;
const servers: Server[] = [];

async function serve(config: AppConfig): Promise<string> {
  const deps: ApiDependencies = { db: t.db, temporal: {} as never, config, logger: createLogger('silent') };
  const app = express();
  app.use(express.json());
  // Authentication is tested on its own (test/integration/auth.test.ts); here each path's owner calls.
  app.use((req, res, next) => {
    res.locals.principal = principalFor(req.originalUrl);
    next();
  });
  app.use('/v1', notificationsRouter(deps));
  app.use(problemHandler(() => {}));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
let productionBase: string;

beforeAll(async () => {
  t = await startTestDatabase({ seedDate: new Date('2025-11-21T03:00:00Z') });
  base = await serve(loadConfig({ NODE_ENV: 'test' }));
  productionBase = await serve(
    loadConfig({
      NODE_ENV: 'production',
      AUTH_ISSUERS: JSON.stringify([
        { issuer: 'https://login.example.test/', audience: 'selfcare-api', roles: ['customer'] },
      ]),
      STATEMENT_LINK_SECRET: 'a-production-link-secret-of-32-chars',
      MIDTRANS_SERVER_KEY: 'Mid-server-a-production-server-key-32c',
      PAYLOAD_ENCRYPTION_KEYS: `production:${randomBytes(32).toString('base64')}`,
    }),
  );

  // Fachri: a real run of the activities (inbox + push + email each), then older/newer rows with set times.
  const acts = createNotificationActivities({
    db: t.db,
    email: new OutboxEmailTransport(t.db),
    push: new LocalPushGateway(t.db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: async ({ billCode }) => `http://localhost:3000/v1/bills/${billCode}/statement`,
  });
  await acts.notifyOntSwapScheduled({
    upgradeId: UPGRADE,
    customerId: FACHRI,
    workOrderNumber: 'WO-04112025-2825386',
  });
  await t.db.notification.update({
    where: { idempotencyKey: `${UPGRADE}:ONT_SWAP_SCHEDULED:INBOX` },
    data: { createdAt: new Date('2025-11-21T06:00:00Z') },
  });
  const row = (key: string, channel: 'INBOX' | 'PUSH', kind: string, createdAt: string) => ({
    idempotencyKey: key,
    customerId: FACHRI,
    upgradeId: UPGRADE,
    kind,
    channel,
    title: `${kind} title`,
    body: `${kind} body`,
    deepLink: `oxygenid://upgrades/${UPGRADE}`,
    deliveredAt: new Date(createdAt),
    createdAt: new Date(createdAt),
  });
  await t.db.notification.createMany({
    data: [
      row('old', 'INBOX', 'OLDER', '2025-11-20T01:00:00Z'),
      row('new', 'INBOX', 'NEWER', '2025-11-22T01:00:00Z'),
      row('push-only', 'PUSH', 'PUSH_ONLY', '2025-11-23T01:00:00Z'),
    ],
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await t?.teardown();
});

async function inboxOf(customerId: string) {
  return http<{ notifications: InboxItem[] }>(base, 'GET', `/v1/customers/${customerId}/inbox`);
}

describe('GET /v1/customers/{customerId}/inbox', () => {
  it('lists the inbox notices newest first, with Jakarta times, and nothing from other channels', async () => {
    const answer = await inboxOf(FACHRI);
    expect(answer.status).toBe(200);
    const items = answer.body.notifications;
    expect(items.map((n) => n.kind)).toEqual(['NEWER', 'ONT_SWAP_SCHEDULED', 'OLDER']);
    const scheduled = items[1]!;
    expect(scheduled).toEqual({
      id: expect.any(Number),
      kind: 'ONT_SWAP_SCHEDULED',
      title: 'Penggantian ONT dijadwalkan',
      body: expect.stringContaining('WO-04112025-2825386'),
      deepLink: `oxygenid://upgrades/${UPGRADE}`,
      read: false,
      readAt: null,
      createdAt: '2025-11-21T13:00:00+07:00',
      upgradeId: UPGRADE,
    });
    for (const item of items) expect(item.createdAt).toMatch(JAKARTA_ISO);
  });

  it('is empty for a customer without notices', async () => {
    const answer = await inboxOf(AHMAD);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ notifications: [] });
  });

  it('answers 404 for an unknown customer and 400 for a malformed ID, as problem+json', async () => {
    const unknown = await http<Problem>(base, 'GET', '/v1/customers/99999999/inbox');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
    expect(unknown.body.detail).toContain('99999999');
    const malformed = await http<Problem>(base, 'GET', '/v1/customers/2131484/inbox');
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toContain('application/problem+json');
    expect(malformed.body.errors?.[0]?.field).toBe('customerId');
  });
});

describe('POST /v1/customers/{customerId}/inbox/{id}/read', () => {
  it('marks one notice read, and reading it again keeps the first read time', async () => {
    const target = (await inboxOf(FACHRI)).body.notifications.find((n) => n.kind === 'OLDER')!;
    const first = await http<InboxItem>(base, 'POST', `/v1/customers/${FACHRI}/inbox/${target.id}/read`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: target.id, kind: 'OLDER', read: true });
    expect(first.body.readAt).toMatch(JAKARTA_ISO);
    const stored = await t.db.notification.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.readAt).toBeInstanceOf(Date);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await http<InboxItem>(base, 'POST', `/v1/customers/${FACHRI}/inbox/${target.id}/read`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: target.id } })).readAt).toEqual(
      stored.readAt,
    );

    const listed = (await inboxOf(FACHRI)).body.notifications;
    expect(listed.filter((n) => n.read).map((n) => n.id)).toEqual([target.id]);
  });

  it('answers 404 for a notice of another customer, of another channel, or that does not exist', async () => {
    const fachriInbox = (await inboxOf(FACHRI)).body.notifications[0]!;
    const pushRow = await t.db.notification.findUniqueOrThrow({ where: { idempotencyKey: 'push-only' } });
    for (const path of [
      `/v1/customers/${AHMAD}/inbox/${fachriInbox.id}/read`,
      `/v1/customers/${FACHRI}/inbox/${pushRow.id}/read`,
      `/v1/customers/${FACHRI}/inbox/999999/read`,
      `/v1/customers/99999999/inbox/${fachriInbox.id}/read`,
    ]) {
      const answer = await http<Problem>(base, 'POST', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.contentType).toContain('application/problem+json');
    }
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: fachriInbox.id } })).readAt).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: pushRow.id } })).readAt).toBeNull();
  });

  it('answers 400 for a malformed notification or customer ID', async () => {
    for (const path of [
      `/v1/customers/${FACHRI}/inbox/abc/read`,
      `/v1/customers/${FACHRI}/inbox/0/read`,
      `/v1/customers/${FACHRI}/inbox/99999999999/read`,
      '/v1/customers/x/inbox/1/read',
    ]) {
      const answer = await http<Problem>(base, 'POST', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
    }
  });
});

describe('GET /v1/dev/outbox', () => {
  beforeAll(async () => {
    const mail = (key: string, customerId: string, subject: string, sentAt: string) => ({
      idempotencyKey: key,
      customerId,
      from: EMAIL_FROM_DEFAULT,
      to: `${customerId}@example.com`,
      subject,
      html: `<p>${subject}</p>`,
      text: subject,
      sentAt: new Date(sentAt),
    });
    await t.db.emailOutbox.createMany({
      data: [
        mail('ahmad-1', AHMAD, 'Ahmad first', '2025-11-21T01:00:00Z'),
        mail('ahmad-2', AHMAD, 'Ahmad second', '2025-11-25T01:00:00Z'),
      ],
    });
    // The email the activity sent for Fachri, placed between Ahmad's two.
    await t.db.emailOutbox.updateMany({
      where: { customerId: FACHRI },
      data: { sentAt: new Date('2025-11-23T01:00:00Z') },
    });
  });

  it('lists every sent message newest first, in full', async () => {
    const answer = await http<{ messages: OutboxMessage[] }>(base, 'GET', '/v1/dev/outbox');
    expect(answer.status).toBe(200);
    const messages = answer.body.messages;
    expect(messages.map((m) => [m.customerId, m.sentAt])).toEqual([
      [AHMAD, '2025-11-25T08:00:00+07:00'],
      [FACHRI, '2025-11-23T08:00:00+07:00'],
      [AHMAD, '2025-11-21T08:00:00+07:00'],
    ]);
    const fachri = messages.find((m) => m.customerId === FACHRI)!;
    expect(Object.keys(fachri).sort()).toEqual([
      'customerId',
      'html',
      'id',
      'sentAt',
      'subject',
      'text',
      'to',
    ]);
    expect(fachri.to).toBe('fachri.faturachman@example.com');
    expect(fachri.html).toContain('FACHRI FATURACHMAN');
    expect(fachri.text).toContain('FACHRI FATURACHMAN');
    expect(fachri.sentAt).toMatch(JAKARTA_ISO);
  });

  it('filters by customer', async () => {
    const answer = await http<{ messages: OutboxMessage[] }>(
      base,
      'GET',
      `/v1/dev/outbox?customerId=${AHMAD}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.messages.map((m) => [m.subject, m.sentAt])).toEqual([
      ['Ahmad second', '2025-11-25T08:00:00+07:00'],
      ['Ahmad first', '2025-11-21T08:00:00+07:00'],
    ]);
    const none = await http<{ messages: OutboxMessage[] }>(base, 'GET', '/v1/dev/outbox?customerId=21400001');
    expect(none.body.messages).toEqual([]);
  });

  it('answers 400 for a malformed customer ID', async () => {
    const answer = await http<Problem>(base, 'GET', '/v1/dev/outbox?customerId=abc');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.field).toBe('customerId');
  });

  it('is not served in production', async () => {
    const answer = await http<Problem>(productionBase, 'GET', '/v1/dev/outbox');
    expect(answer.status).toBe(404);
    expect(answer.contentType).toContain('application/problem+json');
    expect(JSON.stringify(answer.body)).not.toContain('FACHRI');
    // The rest of the router still works in production.
    expect((await http(productionBase, 'GET', `/v1/customers/${FACHRI}/inbox`)).status).toBe(200);
  });
});
