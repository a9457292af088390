/**
 * A local stand-in for Resend's `POST /emails`, for fault tests: it can refuse connections,
 * answer 500, or accept a message and lose the answer (for a while, or the first answer of each
 * key); otherwise it accepts. Like
 * Resend it honours `Idempotency-Key`: a key it accepted before is answered with the first
 * answer (and not delivered again); the same key with another payload is refused with 409
 * `invalid_idempotent_request`. Every request is logged, every delivery counted.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stand-in fails while an outage lasts. */
export type OutageMode =
  /** The connection is cut before any answer (the client sees a network error). */
  | 'refuse'
  /** `500 internal_server_error`, as Resend answers when it has a bad moment. */
  | 'error'
  /** The message is accepted (and delivered), then the connection is cut before the answer. */
  | 'lose-answer';

export type Outcome =
  | 'held'
  | 'refused'
  | 'error'
  | 'rejected'
  | 'accepted-answer-lost'
  | 'accepted'
  | 'replayed'
  | 'conflict';

export interface LoggedRequest {
  at: number;
  idempotencyKey: string | null;
  to: string;
  subject: string;
  outcome: Outcome;
}

export interface Delivery {
  idempotencyKey: string;
  id: string;
  to: string;
  subject: string;
  payloadHash: string;
  /** How many times this key was delivered to the recipient (Resend: once, whatever the retries). */
  delivered: number;
  at: number;
}

export interface ResendStandIn {
  /** The API root to give the worker as RESEND_BASE_URL. */
  url: string;
  /**
   * Fail requests in the way of each phase, one after the other; the first phase starts with the
   * next request that arrives (so an outage is seen whatever the client's timing).
   */
  outage(phases: Array<{ mode: OutageMode; ms: number }>): void;
  /** While on, the first acceptance of each key loses its answer (the message is delivered). */
  loseFirstAnswers(on: boolean): void;
  /** Messages to this address are refused for good, as Resend refuses an invalid recipient (422). */
  rejectRecipient(address: string): void;
  /** Messages to this address are accepted again (the customer's mailbox was fixed). */
  acceptRecipient(address: string): void;
  /**
   * The next request is held, never answered (its sender may be killed meanwhile); resolves with
   * it once it arrives. Later requests are answered as usual.
   */
  holdNextRequest(): Promise<LoggedRequest>;
  /** True while an outage phase is running. */
  failing(): boolean;
  requests(): LoggedRequest[];
  deliveries(): Delivery[];
  close(): Promise<void>;
}

export async function startResendStandIn(): Promise<ResendStandIn> {
  const log: LoggedRequest[] = [];
  const byKey = new Map<string, Delivery>();
  const withoutKey: Delivery[] = [];
  let schedule: Array<{ mode: OutageMode; until: number }> = [];
  let pending: Array<{ mode: OutageMode; ms: number }> = [];
  let loseFirst = false;
  const rejected = new Set<string>();
  let holdNext: ((request: LoggedRequest) => void) | undefined;

  const currentMode = (): OutageMode | null =>
    schedule.find((phase) => Date.now() < phase.until)?.mode ?? null;
  const startPendingOutage = () => {
    let at = Date.now();
    schedule = pending.map((phase) => {
      at += phase.ms;
      return { mode: phase.mode, until: at };
    });
    pending = [];
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/emails') {
        answer(404, { statusCode: 404, name: 'not_found', message: 'not found' });
        return;
      }
      let body: { to?: string[] | string; subject?: string; from?: string; html?: string; text?: string };
      try {
        body = JSON.parse(raw);
      } catch {
        answer(422, { statusCode: 422, name: 'validation_error', message: 'invalid JSON' });
        return;
      }
      const to = Array.isArray(body.to) ? body.to.join(',') : String(body.to ?? '');
      const subject = String(body.subject ?? '');
      const key = req.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' ? key : null;
      const entry = (outcome: Outcome) => log.push({ at: Date.now(), idempotencyKey, to, subject, outcome });
      if (holdNext) {
        entry('held');
        holdNext(log[log.length - 1] as LoggedRequest);
        holdNext = undefined;
        return;
      }
      if (pending.length > 0) startPendingOutage();
      const mode = currentMode();

      if (mode === 'refuse') {
        entry('refused');
        req.socket.destroy();
        return;
      }
      if (rejected.has(to)) {
        entry('rejected');
        answer(422, { statusCode: 422, name: 'validation_error', message: `Invalid \`to\` field: ${to}` });
        return;
      }
      if (mode === 'error') {
        entry('error');
        answer(500, {
          statusCode: 500,
          name: 'internal_server_error',
          message: 'An unexpected error occurred.',
        });
        return;
      }
      const payloadHash = createHash('sha256')
        .update(JSON.stringify([body.from, to, subject, body.html, body.text]))
        .digest('hex');
      const previous = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      if (previous) {
        if (previous.payloadHash !== payloadHash) {
          entry('conflict');
          answer(409, {
            statusCode: 409,
            name: 'invalid_idempotent_request',
            message: 'Same idempotency key used with a different request payload.',
          });
          return;
        }
        entry('replayed');
        answer(200, { id: previous.id });
        return;
      }
      const delivery: Delivery = {
        idempotencyKey: idempotencyKey ?? '',
        id: randomUUID(),
        to,
        subject,
        payloadHash,
        delivered: 1,
        at: Date.now(),
      };
      if (idempotencyKey) byKey.set(idempotencyKey, delivery);
      else withoutKey.push(delivery);
      if (mode === 'lose-answer' || loseFirst) {
        entry('accepted-answer-lost');
        req.socket.destroy();
        return;
      }
      entry('accepted');
      answer(200, { id: delivery.id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    rejectRecipient: (address) => {
      rejected.add(address);
    },
    acceptRecipient: (address) => {
      rejected.delete(address);
    },
    outage: (phases) => {
      pending = [...phases];
      schedule = [];
    },
    holdNextRequest: () =>
      new Promise<LoggedRequest>((resolve) => {
        holdNext = resolve;
      }),
    loseFirstAnswers: (on) => {
      loseFirst = on;
    },
    failing: () => pending.length > 0 || currentMode() !== null,
    requests: () => [...log],
    deliveries: () => [...byKey.values(), ...withoutKey],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
