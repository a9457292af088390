/**
 * The codec server the Temporal Web UI (and `temporal --codec-endpoint`) calls to read encrypted
 * payloads: `POST /codec/decode` and `POST /codec/encode`, Temporal's remote codec protocol
 * (`{"payloads":[{"metadata":{"k":"<base64>"},"data":"<base64>"}]}` both ways, the namespace in
 * `X-Namespace`). It runs on a listener of its own (CODEC_PORT), never the public API port. With
 * CODEC_AUTH=operator it takes only an operator's bearer token, verified by the API's own
 * `authenticate` (platform/auth/bearer.ts); with none (development: the dev server's UI cannot sign anyone in) the
 * configuration only lets it bind a loopback address. Payloads are never logged; each one it
 * decrypts is recorded in the access record (who; the customer the payload names, else the
 * workflow the request names), and a decrypt that cannot be recorded is not answered.
 */
import fs from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import cors from 'cors';
import express from 'express';
import { z } from 'zod';
import type { Principal } from '../platform/auth';
import type { AppConfig } from '../platform/config';
import { listen, originOf } from '../platform/http/listen';
import { HttpProblem, problemHandler, unknownRoute } from '../platform/http/problem';
import type { Logger } from '../platform/logger';
import type { PersonalDataReadEntry } from '../services/access-records';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const Body = z.object({
  payloads: z.array(
    z.object({ metadata: z.record(z.string(), Base64).nullish(), data: Base64.nullish() }).loose(),
  ),
});
type JsonPayload = { metadata?: Record<string, string>; data?: string };

const fromJson = (p: z.infer<typeof Body>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
  ),
  data: p.data ? Buffer.from(p.data, 'base64') : undefined,
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [
      k,
      Buffer.from(v ?? new Uint8Array()).toString('base64'),
    ]),
  ),
  ...(p.data ? { data: Buffer.from(p.data).toString('base64') } : {}),
});

export interface CodecServerOptions {
  codec: PayloadCodec;
  namespace: string;
  settings: AppConfig['codec'];
  /** The bearer-token middleware (platform/auth/bearer.ts), required unless settings.auth is none. */
  authenticate?: express.RequestHandler;
  /** Records who decrypted whose payloads (services/access-records.ts); absent: nothing is recorded. */
  recordReads?: (reader: { sub: string; role: string }, reads: PersonalDataReadEntry[]) => Promise<void>;
  logger: Logger;
}

export function createCodecApp(options: CodecServerOptions): express.Express {
  const { settings, logger } = options;
  if (settings.auth === 'operator' && !options.authenticate) {
    throw new Error('the codec server needs the API’s authenticate middleware for CODEC_AUTH=operator');
  }
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.on('finish', () => {
      const role = (res.locals.principal as { role?: string } | undefined)?.role;
      logger.info(
        { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, role },
        'codec request',
      );
    });
    next();
  });
  // Without a token to check (development, loopback), a web page could still reach it through a
  // name of its own that resolves to 127.0.0.1 (DNS rebinding): only its own names are answered.
  if (settings.auth === 'none') app.use(ownHostOnly);
  // The Web UI calls from its own origin, with X-Namespace, and once it signs operators in with
  // Authorization (their access token, verified) and Authorization-Extras (their ID token, unused).
  app.use(
    cors({
      origin: settings.allowedOrigins,
      methods: ['POST'],
      allowedHeaders: ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'],
      credentials: true,
      maxAge: 600,
    }),
  );
  const codec = express.Router();
  if (settings.auth === 'operator') {
    codec.use(options.authenticate as express.RequestHandler, (_req, res, next) => {
      if ((res.locals.principal as Principal | undefined)?.role !== 'operator') {
        return next(new HttpProblem(403, 'Forbidden', 'the codec server decrypts for operators only'));
      }
      next();
    });
  }
  codec.use(express.json({ limit: '4mb' }));
  const convert =
    (direction: 'encode' | 'decode'): express.RequestHandler =>
    async (req, res, next) => {
      try {
        const namespace = req.get('x-namespace');
        if (namespace !== undefined && namespace !== options.namespace) {
          throw new HttpProblem(
            400,
            'Bad Request',
            `this codec server serves the namespace ${options.namespace}`,
          );
        }
        const body = Body.safeParse(req.body);
        if (!body.success) {
          throw new HttpProblem(
            400,
            'Bad Request',
            'the body must be {"payloads":[{"metadata":{…},"data":"…"}]} in base64',
          );
        }
        const payloads = body.data.payloads.map(fromJson);
        const converted = await options.codec[direction](payloads);
        if (direction === 'decode' && options.recordReads && converted.length > 0) {
          const principal = res.locals.principal as Principal | undefined;
          await options.recordReads(
            principal ?? { sub: 'development (CODEC_AUTH=none)', role: 'none' },
            decryptedReads(converted, workflowOf(req)),
          );
        }
        res.json({ payloads: converted.map(toJson) });
      } catch (error) {
        next(
          error instanceof ValueError ? new HttpProblem(422, 'Unprocessable Content', error.message) : error,
        );
      }
    };
  codec.post('/encode', convert('encode'));
  codec.post('/decode', convert('decode'));
  app.use('/codec', codec);
  app.use(unknownRoute);
  app.use(problemHandler((error) => logger.error({ err: error }, 'codec request failed')));
  return app;
}

/**
 * The workflow a decode request is for, when it says: `X-Workflow-Id` (a client of ours, the
 * `temporal` CLI through a proxy), or the Web UI page it came from (`…/workflows/<id>/…` in the
 * Referer, when the browser sends the path).
 */
function workflowOf(req: express.Request): string | null {
  const header = req.get('x-workflow-id');
  if (header && /^[\x21-\x7e]{1,255}$/.test(header)) return header;
  const referer = /\/workflows\/([^/?#]+)/.exec(req.get('referer') ?? '');
  if (!referer?.[1]) return null;
  try {
    return decodeURIComponent(referer[1]).slice(0, 255);
  } catch {
    return null;
  }
}

const CUSTOMER_ID = /^\d{8}$/;
const UPGRADE_ID = /^upgrade-(\d{8})-/;

/** The customers a decrypted JSON value names (`customerId`, or an upgrade ID), at most 8 levels deep. */
function customersNamedIn(value: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 8 || value === null || typeof value !== 'object') {
    const upgrade = typeof value === 'string' ? UPGRADE_ID.exec(value) : null;
    if (upgrade?.[1]) found.add(upgrade[1]);
    return found;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'customerId' && typeof item === 'string' && CUSTOMER_ID.test(item)) found.add(item);
    else customersNamedIn(item, found, depth + 1);
  }
  return found;
}

/** One record per customer the decrypted payloads name; one for the workflow (or none known) otherwise. */
function decryptedReads(payloads: Payload[], workflowId: string | null): PersonalDataReadEntry[] {
  const customers = new Set<string>();
  for (const payload of payloads) {
    if (!payload.data) continue;
    try {
      customersNamedIn(JSON.parse(Buffer.from(payload.data).toString('utf8')), customers);
    } catch {
      // not JSON (binary/protobuf): it names no customer we can tell
    }
  }
  const read = { what: 'codecDecode', resource: '/codec/decode', workflowId };
  if (customers.size === 0) return [{ ...read, customerId: null }];
  return [...customers].map((customerId) => ({ ...read, customerId }));
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** 421 unless the Host header is a loopback name with the port the request came in on. */
const ownHostOnly: express.RequestHandler = (req, _res, next) => {
  const host = (req.get('host') ?? '').toLowerCase();
  const port = req.socket.localPort;
  if (LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) return next();
  next(
    new HttpProblem(
      421,
      'Misdirected Request',
      'this codec server answers only its own names (127.0.0.1, localhost) and port',
    ),
  );
};

/** The codec listener: HTTPS with `tls` (certificate and key files), else HTTP. */
export async function serveCodec(
  app: express.Express,
  host: string,
  port: number,
  tls?: { certPath: string; keyPath: string },
) {
  const server: Server = tls
    ? createHttpsServer({ cert: fs.readFileSync(tls.certPath), key: fs.readFileSync(tls.keyPath) }, app)
    : createHttpServer(app);
  return { endpoint: codecEndpoint(host, port, !!tls), stop: (await listen(server, host, port)).stop };
}

export function codecEndpoint(host: string, port: number, https: boolean): string {
  return `${originOf(host, port, https ? 'https' : 'http')}/codec`;
}
