/**
 * Nothing personal or secret in a log line or a span: the logger's scrubbing over nested shapes,
 * errors and messages, and the span scrubber over what the HTTP, pg and our own spans record.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createLogger } from '../../../platform/logger';
import { isPersonalField, scrubText, scrubValue } from '../../../platform/telemetry/personal-data';
import { scrubSpan } from '../../../platform/telemetry/span-scrubber';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyMTMxNDg0OSJ9.c2lnbmF0dXJl';
const SECRETS = [
  'eyJ',
  'AHMAD TARMIZI',
  'ahmad.tarmizi@example.com',
  '81270001111',
  'JL. BUNYI BANGSAN',
  'HP-PKU-TNR-0007',
  'ZTEGD4A17B21',
  's3cr3t-cookie',
  'access_token=',
];

const customer = {
  id: '21314849',
  name: 'AHMAD TARMIZI',
  email: 'ahmad.tarmizi@example.com',
  phone: '+6281270001111',
  installationAddress: 'JL. BUNYI BANGSAN RT 002 RW 002 NO 07',
  homepassCode: 'HP-PKU-TNR-0007',
  device: { ont: { serial: 'ZTEGD4A17B21', band: 'DUAL' } },
};

describe('the log scrubber', () => {
  it('replaces personal fields at any depth and keeps the IDs operators need', () => {
    const scrubbed = scrubValue({
      upgrade: { upgradeId: 'upgrade-21314849-deck-a', billCode: '202511712857', bill: { customer } },
      req: {
        headers: { Authorization: `Bearer ${JWT}`, cookie: 'session=s3cr3t-cookie', 'x-request-id': 'r-1' },
      },
      email: { to: [customer.email], subject: 'Tagihan', html: `<p>${customer.name}</p>` },
      list: [{ customerName: customer.name, woNumber: 'WO-1' }],
    });
    const text = JSON.stringify(scrubbed);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(scrubbed).toMatchObject({
      upgrade: {
        upgradeId: 'upgrade-21314849-deck-a',
        billCode: '202511712857',
        bill: { customer: { id: '21314849', name: '[redacted]', device: { ont: { band: 'DUAL' } } } },
      },
      req: { headers: { 'x-request-id': 'r-1' } },
      list: [{ woNumber: 'WO-1' }],
    });
  });

  it('finds tokens, query strings, emails and phone numbers in any text', () => {
    expect(
      scrubText(
        `GET /v1/bills/202511712857/statement?access_token=${JWT} for 0812-x ahmad.tarmizi@example.com 081270001111 +6281270001111`,
      ),
    ).toBe('GET /v1/bills/202511712857/statement?[redacted] for 0812-x [redacted] [redacted] [redacted]');
    // IDs are not phone numbers: a customer ID, a bill code, a trace ID.
    const ids = '21314849 202511712857 4bf92f3577b34da6a3ce929d0e0e4736 0812345678-ab';
    expect(scrubText(ids)).toBe(ids);
    expect(isPersonalField('access_token')).toBe(true);
    expect(isPersonalField('Set-Cookie')).toBe(true);
    expect(isPersonalField('customerId')).toBe(false);
  });

  it('keeps nothing personal in a logged line: the object, the message, an error and child fields', () => {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      const logger = createLogger('info');
      logger.info({ customer, upgradeId: 'upgrade-21314849-deck-a' }, `sent to ${customer.email}`);
      const error = Object.assign(new Error(`duplicate key (email)=(${customer.email})`), {
        meta: { target: customer },
      });
      logger.error(error);
      logger.child({ component: 'api', recipient: { phone: customer.phone } }).warn({ err: error }, 'failed');
    } finally {
      spy.mockRestore();
    }
    const text = chunks.join('');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const [first, second, third] = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      name: 'selfcare',
      msg: 'sent to [redacted]',
      upgradeId: 'upgrade-21314849-deck-a',
      customer: { id: '21314849', email: '[redacted]' },
    });
    expect(second).toMatchObject({
      msg: 'duplicate key (email)=([redacted])',
      err: { type: 'Error', meta: { target: { id: '21314849', name: '[redacted]' } } },
    });
    expect(second.err.stack).toContain('telemetry-scrubbing.test');
    expect(third).toMatchObject({ component: 'api', err: { type: 'Error' }, msg: 'failed' });
  });
});

describe('the span scrubber', () => {
  it('leaves no query string, header secret or personal field in a span', () => {
    const span = {
      name: 'GET /v1/cs/customers?q=081270001111',
      attributes: {
        'url.path': '/v1/bills/202511712857/statement',
        'url.query': `access_token=${JWT}`,
        'url.full': `http://127.0.0.1/v1/bills/202511712857/statement?access_token=${JWT}`,
        'http.target': '/v1/cs/customers?q=AHMAD%20TARMIZI',
        'http.request.header.authorization': [`Bearer ${JWT}`],
        'db.query.text': 'SELECT * FROM "Customer" WHERE "phone" LIKE $1',
        'db.query.parameter.0': '%0001111%',
        'selfcare.idempotency_key': 'upgrade-21314849-deck-a:BILL_ISSUED:EMAIL',
        'selfcare.customer.name': customer.name,
        'customer.id': '21314849',
      },
      status: { code: 2, message: `no customer ${customer.email}` },
      events: [{ name: 'exception', attributes: { 'exception.message': `token ${JWT} refused` } }],
      links: [],
    } as unknown as ReadableSpan;
    scrubSpan(span);
    const text = JSON.stringify(span);
    for (const secret of [...SECRETS, '?q=', 'AHMAD%20TARMIZI', '0001111'])
      expect(text).not.toContain(secret);
    expect(span.name).toBe('GET /v1/cs/customers');
    expect(span.attributes).toEqual({
      'url.path': '/v1/bills/202511712857/statement',
      'url.full': 'http://127.0.0.1/v1/bills/202511712857/statement',
      'http.target': '/v1/cs/customers',
      'http.request.header.authorization': '[redacted]',
      'db.query.text': 'SELECT * FROM "Customer" WHERE "phone" LIKE $1',
      'selfcare.idempotency_key': 'upgrade-21314849-deck-a:BILL_ISSUED:EMAIL',
      'selfcare.customer.name': '[redacted]',
      'customer.id': '21314849',
    });
  });
});
