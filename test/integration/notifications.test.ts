import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { createNotificationActivities, type NotificationDependencies } from '../../activities/notifications';
import { notificationKey } from '../../contracts/notifications';
import { EMAIL_FROM_DEFAULT } from '../../platform/config';
import {
  createEmailTransport,
  type EmailTransport,
  OutboxEmailTransport,
  type OutgoingEmail,
  ResendEmailTransport,
} from '../../platform/notifications/email-transport';
import { createPushGateway, LocalPushGateway } from '../../platform/notifications/push-gateway';
import { deckBillRow } from '../fixtures/deck-bill';
import { startTestDatabase, type TestDatabase } from '../helpers/database';

// Guard: nothing in this file may reach the real Resend API, even a transport built without baseUrl.
process.env.RESEND_BASE_URL = 'http://127.0.0.1:9';

const AHMAD = '21314849';
const FACHRI = '21301029';
const BILL_CODE = '202511712857';
const PUBLIC_BASE_URL = 'https://selfcare.example.test';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase({ seedDate: new Date('2025-11-21T03:00:00Z') });
  await createDeckBill(BILL_CODE, AHMAD, 'upgrade-21314849-deck');
}, 120_000);
afterAll(async () => t?.teardown());

/** The deck's worked example, as the billing activity would have stored it. */
async function createDeckBill(billCode: string, customerId: string, upgradeId: string) {
  await t.db.bill.create({ data: deckBillRow({ billCode, customerId, upgradeId }) });
}

/** Counts what each transport was asked to do, passing the call on. */
class CountingTransport implements EmailTransport {
  readonly name = 'counting';
  readonly calls: OutgoingEmail[] = [];
  constructor(private readonly inner: EmailTransport) {}
  async send(email: OutgoingEmail) {
    this.calls.push(email);
    return this.inner.send(email);
  }
}

function activities(overrides: Partial<NotificationDependencies> = {}) {
  const email = new CountingTransport(new OutboxEmailTransport(t.db));
  const deps: NotificationDependencies = {
    db: t.db,
    email,
    push: new LocalPushGateway(t.db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: async ({ billCode }) => `${PUBLIC_BASE_URL}/v1/bills/${billCode}/statement`,
    ...overrides,
  };
  return { acts: createNotificationActivities(deps), email };
}

async function rowsFor(upgradeId: string) {
  const notifications = await t.db.notification.findMany({ where: { upgradeId }, orderBy: { id: 'asc' } });
  const keys = notifications.map((n) => n.idempotencyKey);
  const emails = await t.db.emailOutbox.findMany({ where: { idempotencyKey: { in: keys } } });
  const pushes = await t.db.pushOutbox.findMany({ where: { idempotencyKey: { in: keys } } });
  return { notifications, emails, pushes };
}

async function rejection(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }
  throw new Error('expected a rejection');
}

describe('notification activities deliver exactly once per channel', () => {
  it('bill issued: run twice, one inbox row, one push, one email carrying the name and the bill figures', async () => {
    const upgradeId = 'upgrade-21314849-deck';
    const { acts, email } = activities();
    const input = { upgradeId, customerId: AHMAD, billCode: BILL_CODE };

    expect(await acts.notifyBillIssued(input)).toEqual({
      delivered: ['INBOX', 'PUSH', 'EMAIL'],
      skipped: [],
    });
    expect(await acts.notifyBillIssued(input)).toEqual({
      delivered: [],
      skipped: ['INBOX', 'PUSH', 'EMAIL'],
    });
    expect(email.calls).toHaveLength(1);

    const { notifications, emails, pushes } = await rowsFor(upgradeId);
    expect(notifications.map((n) => n.channel).sort()).toEqual(['EMAIL', 'INBOX', 'PUSH']);
    expect(emails).toHaveLength(1);
    expect(pushes).toHaveLength(1);
    for (const n of notifications) {
      expect(n).toMatchObject({ customerId: AHMAD, kind: 'BILL_ISSUED', readAt: null });
      expect(n.idempotencyKey).toBe(`${upgradeId}:BILL_ISSUED:${n.channel}`);
      expect(n.deliveredAt).toBeInstanceOf(Date);
    }
    const inbox = notifications.find((n) => n.channel === 'INBOX')!;
    expect(inbox).toMatchObject({
      title: 'Tagihan upgrade terbit',
      body: 'Tagihan 202511712857 sebesar Rp 771.700 jatuh tempo 28 November 2025.',
      deepLink: 'oxygenid://bills/202511712857',
      providerId: null,
    });

    const [push] = pushes;
    expect(push).toMatchObject({
      idempotencyKey: `${upgradeId}:BILL_ISSUED:PUSH`,
      customerId: AHMAD,
      title: 'Tagihan upgrade terbit',
      deepLink: 'oxygenid://bills/202511712857',
    });
    expect(notifications.find((n) => n.channel === 'PUSH')!.providerId).toBe(String(push!.id));

    const [mail] = emails;
    expect(mail).toMatchObject({
      idempotencyKey: `${upgradeId}:BILL_ISSUED:EMAIL`,
      customerId: AHMAD,
      from: EMAIL_FROM_DEFAULT,
      to: 'ahmad.tarmizi@example.com',
      subject: 'Informasi Penerbitan Tagihan',
    });
    expect(notifications.find((n) => n.channel === 'EMAIL')!.providerId).toBe(String(mail!.id));
    for (const part of [mail!.html, mail!.text]) {
      expect(part).toContain('AHMAD TARMIZI');
      expect(part).toContain('202511712857');
      expect(part).toContain('1.780.000');
      expect(part).toContain('1.008.333');
      expect(part).toContain('771.700');
      expect(part).toContain('28 November 2025');
      expect(part).toContain('21.11.2025-22.05.2026');
      expect(part).toContain('Stream 150 Semesterly');
    }
    expect(mail!.html).toContain('Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah');
    expect(mail!.html).toContain(`${PUBLIC_BASE_URL}/v1/bills/202511712857/statement`);
  });

  it('ONT swap scheduled: run twice, delivered once, greeting by name with WO, address and current ONT', async () => {
    const upgradeId = 'upgrade-21301029-swap';
    const { acts, email } = activities();
    const input = { upgradeId, customerId: FACHRI, workOrderNumber: 'WO-04112025-2825386' };
    expect((await acts.notifyOntSwapScheduled(input)).delivered).toEqual(['INBOX', 'PUSH', 'EMAIL']);
    expect((await acts.notifyOntSwapScheduled(input)).skipped).toEqual(['INBOX', 'PUSH', 'EMAIL']);
    expect(email.calls).toHaveLength(1);

    const { notifications, emails, pushes } = await rowsFor(upgradeId);
    expect(notifications).toHaveLength(3);
    expect(emails).toHaveLength(1);
    expect(pushes).toHaveLength(1);
    const customer = await t.db.customer.findUniqueOrThrow({
      where: { id: FACHRI },
      include: { subscription: { include: { package: true } } },
    });
    const packageName = customer.subscription!.package.name;
    const inbox = notifications.find((n) => n.channel === 'INBOX')!;
    expect(inbox.title).toBe('Penggantian ONT dijadwalkan');
    expect(inbox.body).toContain(packageName);
    expect(inbox.body).toContain('WO-04112025-2825386');
    expect(inbox.deepLink).toBe(`oxygenid://upgrades/${upgradeId}`);
    const html = emails[0]!.html;
    expect(emails[0]!.to).toBe('fachri.faturachman@example.com');
    expect(html).toContain('FACHRI FATURACHMAN');
    expect(html).not.toContain(`Halo ${packageName}`);
    expect(html).toContain('WO-04112025-2825386');
    expect(html).toContain(customer.installationAddress);
    expect(html).toContain('ZTEGC1F09A33');
  });

  it('ONT swap completed: run twice, delivered once, with the new ONT in the email', async () => {
    const upgradeId = 'upgrade-21301029-done';
    const { acts, email } = activities();
    const input = {
      upgradeId,
      customerId: FACHRI,
      workOrderNumber: 'WO-04112025-2825386',
      newOntSerial: 'ZTEGD9B00C77',
      newOntModel: 'ZTE F670L',
      replacedAt: '2025-11-06T03:15:00.000Z',
    };
    expect((await acts.notifyOntSwapCompleted(input)).delivered).toEqual(['INBOX', 'PUSH', 'EMAIL']);
    expect((await acts.notifyOntSwapCompleted(input)).delivered).toEqual([]);
    expect(email.calls).toHaveLength(1);
    const { notifications, emails, pushes } = await rowsFor(upgradeId);
    expect([notifications.length, emails.length, pushes.length]).toEqual([3, 1, 1]);
    expect(emails[0]!.subject).toBe('[Oxygen.id] Penggantian Perangkat (ONT) Kamu Telah Berhasil');
    expect(emails[0]!.html).toContain('FACHRI FATURACHMAN');
    expect(emails[0]!.html).toContain('ZTEGD9B00C77');
    expect(emails[0]!.html).toContain('ZTE F670L');
    expect(notifications.find((n) => n.channel === 'PUSH')!.title).toBe('Penggantian ONT selesai');
  });

  it('an inbox row left undelivered by an attempt that died (or by older code) is delivered, once', async () => {
    const upgradeId = 'upgrade-21301029-inbox-crash';
    const { acts } = activities();
    const key = notificationKey(upgradeId, 'ONT_SWAP_DELAYED', 'INBOX');
    await t.db.notification.create({
      data: {
        idempotencyKey: key,
        customerId: FACHRI,
        upgradeId,
        kind: 'ONT_SWAP_DELAYED',
        channel: 'INBOX',
        title: 'Penggantian ONT masih dijadwalkan',
        body: 'written before the crash',
      },
    });
    const input = { upgradeId, customerId: FACHRI, workOrderNumber: 'WO-04112025-2825386' };
    expect(await acts.notifyOntSwapDelayed(input)).toEqual({ delivered: ['INBOX', 'PUSH'], skipped: [] });
    expect(await acts.notifyOntSwapDelayed(input)).toEqual({ delivered: [], skipped: ['INBOX', 'PUSH'] });
    const inbox = await t.db.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(inbox.deliveredAt).toBeInstanceOf(Date);
    expect(inbox.body).toBe('written before the crash');
  });

  it('ONT swap delayed: push and inbox only, once', async () => {
    const upgradeId = 'upgrade-21301029-late';
    const { acts, email } = activities();
    const input = { upgradeId, customerId: FACHRI, workOrderNumber: 'WO-04112025-2825386' };
    expect(await acts.notifyOntSwapDelayed(input)).toEqual({ delivered: ['INBOX', 'PUSH'], skipped: [] });
    expect(await acts.notifyOntSwapDelayed(input)).toEqual({ delivered: [], skipped: ['INBOX', 'PUSH'] });
    expect(email.calls).toHaveLength(0);
    const { notifications, emails, pushes } = await rowsFor(upgradeId);
    expect(notifications.map((n) => n.channel).sort()).toEqual(['INBOX', 'PUSH']);
    expect(emails).toHaveLength(0);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.title).toBe('Penggantian ONT masih dijadwalkan');
    expect(pushes[0]!.body).toContain('WO-04112025-2825386');
  });

  it('the same kind for another upgrade is a new notice', async () => {
    const { acts } = activities();
    const base = { customerId: FACHRI, workOrderNumber: 'WO-04112025-2825386' };
    await acts.notifyOntSwapDelayed({ ...base, upgradeId: 'upgrade-21301029-a' });
    await acts.notifyOntSwapDelayed({ ...base, upgradeId: 'upgrade-21301029-b' });
    expect(
      await t.db.notification.count({
        where: { upgradeId: { in: ['upgrade-21301029-a', 'upgrade-21301029-b'] } },
      }),
    ).toBe(4);
  });
});

describe('retries', () => {
  it('an email transport failing on the first attempt, then succeeding, sends once and keeps the other channels', async () => {
    const upgradeId = 'upgrade-21301029-flaky';
    const outbox = new OutboxEmailTransport(t.db);
    let attempts = 0;
    const flaky: EmailTransport = {
      name: 'flaky',
      async send(email) {
        attempts += 1;
        if (attempts === 1) throw ApplicationFailure.retryable('provider down', 'EmailTransportUnavailable');
        return outbox.send(email);
      },
    };
    const { acts } = activities({ email: flaky });
    const input = { upgradeId, customerId: FACHRI, workOrderNumber: 'WO-04112025-2825399' };

    const failure = await rejection(acts.notifyOntSwapScheduled(input));
    expect(failure.nonRetryable).toBe(false);
    let rows = await rowsFor(upgradeId);
    expect(rows.emails).toHaveLength(0);
    expect(rows.pushes).toHaveLength(1);
    expect(rows.notifications.find((n) => n.channel === 'EMAIL')!.deliveredAt).toBeNull();

    expect(await acts.notifyOntSwapScheduled(input)).toEqual({
      delivered: ['EMAIL'],
      skipped: ['INBOX', 'PUSH'],
    });
    expect(await acts.notifyOntSwapScheduled(input)).toEqual({
      delivered: [],
      skipped: ['INBOX', 'PUSH', 'EMAIL'],
    });
    expect(attempts).toBe(2);
    rows = await rowsFor(upgradeId);
    expect([rows.notifications.length, rows.emails.length, rows.pushes.length]).toEqual([3, 1, 1]);
  });

  it('a send whose answer was lost (sent, then the attempt failed) is not sent again on retry', async () => {
    const upgradeId = 'upgrade-21314849-lost-ack';
    const outbox = new OutboxEmailTransport(t.db);
    let attempts = 0;
    const lostAck: EmailTransport = {
      name: 'lost-ack',
      async send(email) {
        attempts += 1;
        const result = await outbox.send(email);
        if (attempts === 1) throw new Error('connection reset after the message was accepted');
        return result;
      },
    };
    const { acts } = activities({ email: lostAck });
    const input = { upgradeId, customerId: AHMAD, billCode: BILL_CODE };
    await expect(acts.notifyBillIssued(input)).rejects.toThrow('connection reset');
    expect(await acts.notifyBillIssued(input)).toEqual({ delivered: ['EMAIL'], skipped: ['INBOX', 'PUSH'] });
    const rows = await rowsFor(upgradeId);
    expect(rows.emails).toHaveLength(1);
    expect(rows.notifications.find((n) => n.channel === 'EMAIL')!.providerId).toBe(
      String(rows.emails[0]!.id),
    );
  });

  it('activities run concurrently for the same notice still leave one row per channel and transport', async () => {
    const upgradeId = 'upgrade-21314849-race';
    const { acts } = activities();
    const input = { upgradeId, customerId: AHMAD, billCode: BILL_CODE };
    await Promise.all([
      acts.notifyBillIssued(input),
      acts.notifyBillIssued(input),
      acts.notifyBillIssued(input),
    ]);
    const rows = await rowsFor(upgradeId);
    expect([rows.notifications.length, rows.emails.length, rows.pushes.length]).toEqual([3, 1, 1]);
  });
});

describe('unknown inputs fail for good', () => {
  it('an unknown customer, an unknown bill, or another customer’s bill is NotFound and not retryable', async () => {
    const { acts } = activities();
    for (const promise of [
      acts.notifyBillIssued({ upgradeId: 'upgrade-99999999-x', customerId: '99999999', billCode: BILL_CODE }),
      acts.notifyBillIssued({ upgradeId: 'upgrade-21314849-x', customerId: AHMAD, billCode: '202511000000' }),
      acts.notifyBillIssued({ upgradeId: 'upgrade-21301029-x', customerId: FACHRI, billCode: BILL_CODE }),
      acts.notifyOntSwapDelayed({
        upgradeId: 'upgrade-99999999-x',
        customerId: '99999999',
        workOrderNumber: 'WO-1',
      }),
    ]) {
      const failure = await rejection(promise);
      expect(failure.type).toBe('NotFound');
      expect(failure.nonRetryable).toBe(true);
    }
    expect(await t.db.notification.count({ where: { upgradeId: { endsWith: '-x' } } })).toBe(0);
  });
});

describe('local transports', () => {
  const email = (idempotencyKey: string): OutgoingEmail => ({
    idempotencyKey,
    customerId: AHMAD,
    from: EMAIL_FROM_DEFAULT,
    to: 'ahmad.tarmizi@example.com',
    subject: 'Subjek',
    html: '<p>Halo AHMAD TARMIZI,</p>',
    text: 'Halo AHMAD TARMIZI,',
  });

  it('the outbox stores the whole message once per idempotency key, even when sends race', async () => {
    const outbox = new OutboxEmailTransport(t.db);
    const results = await Promise.all(Array.from({ length: 5 }, () => outbox.send(email('outbox-race'))));
    expect(new Set(results.map((r) => r.providerMessageId)).size).toBe(1);
    const again = await outbox.send({ ...email('outbox-race'), subject: 'changed' });
    expect(again).toEqual(results[0]);
    const rows = await t.db.emailOutbox.findMany({ where: { idempotencyKey: 'outbox-race' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subject: 'Subjek',
      html: '<p>Halo AHMAD TARMIZI,</p>',
      text: 'Halo AHMAD TARMIZI,',
    });
    expect(String(rows[0]!.id)).toBe(results[0]!.providerMessageId);
    expect((await outbox.send(email('outbox-other'))).providerMessageId).not.toBe(
      results[0]!.providerMessageId,
    );
  });

  it('the local push gateway records one push per idempotency key', async () => {
    const push = createPushGateway(t.db);
    const message = {
      idempotencyKey: 'push-once',
      customerId: AHMAD,
      title: 'T',
      body: 'B',
      deepLink: 'oxygenid://x',
    };
    const results = await Promise.all([push.send(message), push.send(message), push.send(message)]);
    expect(new Set(results.map((r) => r.providerMessageId)).size).toBe(1);
    expect(await t.db.pushOutbox.count({ where: { idempotencyKey: 'push-once' } })).toBe(1);
    await push.send({ ...message, idempotencyKey: 'push-no-link', deepLink: undefined });
    expect(
      (await t.db.pushOutbox.findUniqueOrThrow({ where: { idempotencyKey: 'push-no-link' } })).deepLink,
    ).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------
// Resend, against a local stand-in of its API.

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

class ResendStandIn {
  readonly requests: Recorded[] = [];
  private readonly replies: Reply[] = [];
  private sent = 0;
  private server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      this.requests.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : null,
      });
      const reply = this.replies.shift() ?? { status: 200, body: { id: `re_${++this.sent}` } };
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
        ...reply.headers,
      });
      res.end(text);
    });
  });
  url = '';

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  queue(...replies: Reply[]) {
    this.replies.push(...replies);
  }
  reset() {
    this.requests.length = 0;
    this.replies.length = 0;
  }
}

describe('Resend transport (local stand-in)', () => {
  const standIn = new ResendStandIn();
  beforeAll(() => standIn.start());
  afterAll(() => standIn.stop());
  beforeEach(() => standIn.reset());

  const transport = () => new ResendEmailTransport({ apiKey: 're_test_key', baseUrl: `${standIn.url}/` });
  const message: OutgoingEmail = {
    idempotencyKey: 'upgrade-21314849-k:BILL_ISSUED:EMAIL',
    customerId: AHMAD,
    from: EMAIL_FROM_DEFAULT,
    to: 'ahmad.tarmizi@example.com',
    subject: 'Informasi Penerbitan Tagihan',
    html: '<p>Halo AHMAD TARMIZI,</p>',
    text: 'Halo AHMAD TARMIZI,',
  };

  it('posts the message to /emails with the API key and the Idempotency-Key header', async () => {
    standIn.queue({ status: 200, body: { id: 're_accepted_1' } });
    expect(await transport().send(message)).toEqual({ providerMessageId: 're_accepted_1' });
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/emails' });
    expect(request!.headers.authorization).toBe('Bearer re_test_key');
    expect(request!.headers['idempotency-key']).toBe(message.idempotencyKey);
    expect(request!.body).toEqual({
      from: EMAIL_FROM_DEFAULT,
      to: ['ahmad.tarmizi@example.com'],
      subject: 'Informasi Penerbitan Tagihan',
      html: '<p>Halo AHMAD TARMIZI,</p>',
      text: 'Halo AHMAD TARMIZI,',
    });
  });

  it.each([
    [500, { statusCode: 500, name: 'internal_server_error', message: 'boom' }],
    [503, 'Service Unavailable'],
    [429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }],
    [409, { statusCode: 409, name: 'concurrent_idempotent_requests', message: 'in progress' }],
  ])('maps %s to a retryable failure, and the retry reuses the idempotency key', async (status, body) => {
    standIn.queue({ status, body }, { status: 200, body: { id: 're_after_retry' } });
    const t1 = transport();
    const failure = await rejection(t1.send(message));
    expect(failure.nonRetryable).toBe(false);
    expect(failure.type).toBe('EmailTransportUnavailable');
    expect(await t1.send(message)).toEqual({ providerMessageId: 're_after_retry' });
    expect(standIn.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      message.idempotencyKey,
      message.idempotencyKey,
    ]);
  });

  it('honours Retry-After on 429', async () => {
    standIn.queue({
      status: 429,
      body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'slow down' },
      headers: { 'retry-after': '7' },
    });
    const failure = await rejection(transport().send(message));
    expect(failure.nonRetryable).toBe(false);
    expect(failure.nextRetryDelay).toBe(7000);
  });

  it.each([
    [422, 'validation_error', 'Invalid `to` field.'],
    [422, 'invalid_from_address', 'Invalid `from` field.'],
    [400, 'validation_error', 'bad request'],
    [401, 'missing_api_key', 'Missing API key'],
    [403, 'invalid_api_key', 'API key is invalid'],
    [409, 'invalid_idempotent_request', 'same key, different payload'],
  ])('maps %s %s to a non-retryable EmailRejected', async (status, name, text) => {
    standIn.queue({ status, body: { statusCode: status, name, message: text } });
    const failure = await rejection(transport().send(message));
    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe('EmailRejected');
    expect(failure.message).toContain(text);
    expect(failure.message).not.toContain('re_test_key');
  });

  it('maps a network error (nothing listening) to a retryable failure', async () => {
    const closed = new ResendStandIn();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    const failure = await rejection(
      new ResendEmailTransport({ apiKey: 're_test_key', baseUrl: url }).send(message),
    );
    expect(failure.nonRetryable).toBe(false);
    expect(failure.type).toBe('EmailTransportUnavailable');
  });

  it('maps a request that hangs past the timeout to a retryable failure', async () => {
    const hanging = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
      const failure = await rejection(
        new ResendEmailTransport({ apiKey: 're_test_key', baseUrl: url, timeoutMs: 200 }).send(message),
      );
      expect(failure.nonRetryable).toBe(false);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('createEmailTransport picks Resend (with the configured base URL) when a key is set, else the outbox', async () => {
    const resend = createEmailTransport(
      { resendApiKey: 're_test_key', resendBaseUrl: standIn.url, from: EMAIL_FROM_DEFAULT },
      t.db,
    );
    expect(resend).toBeInstanceOf(ResendEmailTransport);
    expect((resend as ResendEmailTransport).baseUrl).toBe(standIn.url);
    await resend.send(message);
    expect(standIn.requests).toHaveLength(1);
    expect(createEmailTransport({ from: EMAIL_FROM_DEFAULT }, t.db)).toBeInstanceOf(OutboxEmailTransport);
  });

  it('without a baseUrl option the SDK reads RESEND_BASE_URL when the transport is built', async () => {
    const saved = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = standIn.url;
    try {
      const fromEnv = new ResendEmailTransport({ apiKey: 're_test_key' });
      expect(fromEnv.baseUrl).toBe(standIn.url);
      await fromEnv.send(message);
      expect(standIn.requests).toHaveLength(1);
    } finally {
      process.env.RESEND_BASE_URL = saved;
    }
  });

  it('a notification activity over Resend: a 500 then success sends with one key, and a rerun sends nothing', async () => {
    const upgradeId = 'upgrade-21314849-resend';
    standIn.queue(
      { status: 500, body: { statusCode: 500, name: 'application_error', message: 'try later' } },
      { status: 200, body: { id: 're_bill_mail' } },
    );
    const { acts } = activities({ email: transport() });
    const input = { upgradeId, customerId: AHMAD, billCode: BILL_CODE };
    expect((await rejection(acts.notifyBillIssued(input))).nonRetryable).toBe(false);
    expect(await acts.notifyBillIssued(input)).toEqual({ delivered: ['EMAIL'], skipped: ['INBOX', 'PUSH'] });
    expect(await acts.notifyBillIssued(input)).toEqual({
      delivered: [],
      skipped: ['INBOX', 'PUSH', 'EMAIL'],
    });

    const key = notificationKey(upgradeId, 'BILL_ISSUED', 'EMAIL');
    expect(standIn.requests.map((r) => r.headers['idempotency-key'])).toEqual([key, key]);
    expect(standIn.requests[0]!.body).toEqual(standIn.requests[1]!.body);
    const body = standIn.requests[1]!.body as { to: string[]; subject: string; html: string; text: string };
    expect(body.to).toEqual(['ahmad.tarmizi@example.com']);
    expect(body.subject).toBe('Informasi Penerbitan Tagihan');
    expect(body.html).toContain('AHMAD TARMIZI');
    expect(body.text).toContain('771.700');
    const row = await t.db.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row.providerId).toBe('re_bill_mail');
    expect(await t.db.emailOutbox.count({ where: { idempotencyKey: key } })).toBe(0);
  });
});
