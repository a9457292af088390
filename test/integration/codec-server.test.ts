/**
 * The codec server over real HTTP, in both of its modes: with CODEC_AUTH=operator (the cluster,
 * docker-compose, production) only an operator's token decodes; with none (development, loopback
 * only) anyone who reaches it does. CORS as the Web UI needs it, preflight included.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import nodeHttp from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { createCodecApp, serveCodec } from '../../api/codec-server';
import { authenticate } from '../../platform/auth';
import { loadConfig } from '../../platform/config';
import { freePort } from '../../platform/free-ports';
import { createLogger } from '../../platform/logger';
import { EncryptionCodec } from '../../platform/payload-encryption';
import type { PersonalDataReadEntry } from '../../services/access-records';
import { asCs, asCustomer, asOperator, asTechnician, trustingEnv } from '../helpers/auth';
import { http } from '../helpers/http';

const UI = 'http://127.0.0.1:8233';
const input = { customerId: '21314849', customerName: 'AHMAD TARMIZI' };
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;

async function start(auth: 'none' | 'operator', tlsEnv: Record<string, string> = {}) {
  const config = loadConfig({
    NODE_ENV: 'test',
    CODEC_AUTH: auth,
    CODEC_ALLOWED_ORIGINS: UI,
    ...(await trustingEnv()),
    ...tlsEnv,
  });
  const codec = new EncryptionCodec(config.encryption.keyring);
  const reads: { reader: { sub: string; role: string }; entry: PersonalDataReadEntry }[] = [];
  const app = createCodecApp({
    recordReads: async (reader, entries) => {
      for (const entry of entries) reads.push({ reader, entry });
    },
    codec,
    namespace: 'default',
    settings: config.codec,
    authenticate: authenticate(config.auth),
    logger: createLogger('silent'),
  });
  const server = await serveCodec(app, '127.0.0.1', await freePort(), config.codec.tls);
  return { codec, server, reads, base: server.endpoint.replace(/\/codec$/, '') };
}

const toWire = (payloads: Payload[]) => ({
  payloads: payloads.map((p) => ({
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
    ),
    data: Buffer.from(p.data ?? []).toString('base64'),
  })),
});
const fromWire = (body: Json) =>
  body.payloads.map((p: Json) =>
    defaultPayloadConverter.fromPayload({
      metadata: Object.fromEntries(
        Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v as string, 'base64')]),
      ),
      data: Buffer.from(p.data, 'base64'),
    }),
  );

describe('the codec server without a token (development): its own names only', () => {
  let s: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    s = await start('none');
  });
  afterAll(() => s?.server.stop());
  // fetch sets Host from the URL: node:http sends the one a rebound name would carry.
  const decodeAs = (host: string) =>
    new Promise<{ status: number }>((resolve, reject) => {
      const body = JSON.stringify({ payloads: [] });
      const request = nodeHttp.request(
        `${s.base}/codec/decode`,
        {
          method: 'POST',
          headers: { Host: host, 'Content-Type': 'application/json', 'X-Namespace': 'default' },
        },
        (answer) => {
          answer.resume();
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0 }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  it('answers 127.0.0.1 and localhost on its port', async () => {
    const port = new URL(s.base).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`])
      expect([host, (await decodeAs(host)).status]).toEqual([host, 200]);
  });

  it('answers 421 to any other Host (DNS rebinding from a web page)', async () => {
    const port = new URL(s.base).port;
    for (const host of [
      `rebind.attacker.example:${port}`,
      `127.0.0.1:1`,
      'localhost',
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const answer = await decodeAs(host);
      expect([host, answer.status]).toEqual([host, 421]);
    }
  });
});

describe('the codec server where a token is required (CODEC_AUTH=operator)', () => {
  let s: Awaited<ReturnType<typeof start>>;
  let encrypted: Payload[];
  beforeAll(async () => {
    s = await start('operator');
    encrypted = await s.codec.encode([defaultPayloadConverter.toPayload(input) as Payload]);
  });
  afterAll(() => s?.server.stop());
  const decode = (headers: Record<string, string>, body: unknown = toWire(encrypted)) =>
    http<Json>(s.base, 'POST', '/codec/decode', { body, headers: { 'X-Namespace': 'default', ...headers } });

  it('decodes for an operator, and records who decrypted whose payload (the customer it names, else the workflow)', async () => {
    s.reads.length = 0;
    const answer = await decode(await asOperator());
    expect(answer.status).toBe(200);
    expect(fromWire(answer.body)).toEqual([input]);
    expect(s.reads).toEqual([
      {
        reader: expect.objectContaining({ sub: 'ops-dimas', role: 'operator' }),
        entry: { customerId: '21314849', workflowId: null, what: 'codecDecode', resource: '/codec/decode' },
      },
    ]);
    // A payload naming no customer: the workflow the Web UI page names.
    const anonymous = await s.codec.encode([defaultPayloadConverter.toPayload({ step: 'x' }) as Payload]);
    const page = `${UI}/namespaces/default/workflows/bill-payment-202511000001/run-1/history`;
    expect((await decode({ ...(await asOperator()), Referer: page }, toWire(anonymous))).status).toBe(200);
    expect(s.reads.at(-1)?.entry).toEqual({
      customerId: null,
      workflowId: 'bill-payment-202511000001',
      what: 'codecDecode',
      resource: '/codec/decode',
    });
    // Refused callers decrypt nothing, so nothing is recorded for them.
    const before = s.reads.length;
    expect((await decode(await asCs())).status).toBe(403);
    expect(s.reads.length).toBe(before);
  });

  it('encodes for an operator (the UI signals and starts runs through it), and decodes that back', async () => {
    const plain = toWire([defaultPayloadConverter.toPayload(input) as Payload]);
    const encoded = await http<Json>(s.base, 'POST', '/codec/encode', {
      body: plain,
      headers: await asOperator(),
    });
    expect(encoded.status).toBe(200);
    expect(JSON.stringify(encoded.body)).not.toContain(plain.payloads[0]!.data);
    expect(fromWire((await decode(await asOperator(), encoded.body)).body)).toEqual([input]);
  });

  it.each([
    ['no token', async () => ({}), 401, 'a bearer token is required'],
    ['a customer’s token', () => asCustomer('21314849'), 403, 'the codec server decrypts for operators only'],
    ['a technician’s token', asTechnician, 403, 'the codec server decrypts for operators only'],
    ['a CS agent’s token', asCs, 403, 'the codec server decrypts for operators only'],
    [
      'a forged token',
      async () => ({ Authorization: 'Bearer not.a.token' }),
      401,
      'token invalid: not a JWT',
    ],
  ])('refuses %s', async (_who, headers, status, detail) => {
    const answer = await decode(await headers());
    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.detail).toBe(detail);
    expect(JSON.stringify(answer.body)).not.toContain('AHMAD');
  });

  it('answers the Web UI’s preflight for its origin, with the headers it sends', async () => {
    const response = await fetch(`${s.base}/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        Origin: UI,
        'Access-Control-Request-Method': 'POST',
        // What the signed-in UI sends (its ID token in Authorization-Extras).
        'Access-Control-Request-Headers': 'authorization,authorization-extras,content-type,x-namespace',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(
      expect.arrayContaining(['content-type', 'x-namespace', 'authorization', 'authorization-extras']),
    );
    const decoded = await decode({ ...(await asOperator()), Origin: UI });
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI);
  });

  it('grants no other origin', async () => {
    const answer = await decode({ ...(await asOperator()), Origin: 'http://evil.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says why a payload cannot be decoded: altered, another namespace, not the protocol', async () => {
    const wire = toWire(encrypted);
    const altered = Buffer.from(wire.payloads[0]!.data, 'base64');
    altered[15] = (altered[15] ?? 0) ^ 1;
    const tampered = await decode(await asOperator(), {
      payloads: [{ ...wire.payloads[0], data: altered.toString('base64') }],
    });
    expect(tampered.status).toBe(422);
    expect(tampered.body.detail).toMatch(/failed authentication: it was altered/);
    const otherNamespace = await decode({ ...(await asOperator()), 'X-Namespace': 'payments' });
    expect(otherNamespace.status).toBe(400);
    expect(otherNamespace.body.detail).toBe('this codec server serves the namespace default');
    const notPayloads = await decode(await asOperator(), { payload: [] });
    expect(notPayloads.status).toBe(400);
  });
});

describe('the codec server in development (CODEC_AUTH=none, loopback only)', () => {
  let s: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    s = await start('none');
  });
  afterAll(() => s?.server.stop());

  it('decodes without a token, and passes a plaintext payload (an old history) through', async () => {
    const [encrypted] = await s.codec.encode([defaultPayloadConverter.toPayload(input) as Payload]);
    const plain = defaultPayloadConverter.toPayload({ old: true }) as Payload;
    const answer = await http<Json>(s.base, 'POST', '/codec/decode', { body: toWire([encrypted!, plain]) });
    expect(answer.status).toBe(200);
    expect(fromWire(answer.body)).toEqual([input, { old: true }]);
  });
});

describe('the codec server over HTTPS (CODEC_TLS_CERT_PATH, CODEC_TLS_KEY_PATH)', () => {
  // The Web UI passes the operator's access token only to an https codec endpoint.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  let s: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    s = await start('operator', { CODEC_TLS_CERT_PATH: cert, CODEC_TLS_KEY_PATH: key });
  });
  afterAll(async () => {
    await s?.server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves https, and decodes for an operator', async () => {
    expect(s.server.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/codec$/);
    const [encrypted] = await s.codec.encode([defaultPayloadConverter.toPayload(input) as Payload]);
    const body = JSON.stringify(toWire([encrypted!]));
    const operator = await asOperator();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = https.request(
        `${s.server.endpoint}/decode`,
        {
          method: 'POST',
          ca: fs.readFileSync(cert),
          headers: { 'content-type': 'application/json', ...operator },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    expect(answer.status).toBe(200);
    expect(fromWire(JSON.parse(answer.body))).toEqual([input]);
  });

  it('needs both the certificate and the key', () => {
    expect(() => loadConfig({ CODEC_TLS_CERT_PATH: cert })).toThrow(
      'CODEC_TLS_CERT_PATH, CODEC_TLS_KEY_PATH: both or neither',
    );
  });
});
