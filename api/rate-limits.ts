/**
 * The API's rate limits: which operations have one, what shares a budget, and how many requests
 * a window allows (AppConfig `rateLimit`, from the environment). The counters live in PostgreSQL
 * (platform/http/rate-limit-store.ts), so a client meets one budget whichever replica answers.
 * Past it: 429, `Retry-After` (seconds until the window ends) and a problem whose `reason` is
 * `RATE_LIMITED` (the web apps say its words, contracts/refusals.ts). The OpenAPI document
 * declares the same (api/openapi.ts reads this table).
 */
import { type Request, type Response, Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../platform/config';
import { problemOf } from '../platform/http/problem';
import { PostgresRateLimitStore } from '../platform/http/rate-limit-store';
import { principalOf } from './access';
import type { ApiDependencies } from './dependencies';
import type { Operation } from './operation';

interface Limit {
  /** The limit's name: its counters' prefix and the `RateLimit-Policy` identifier. */
  name: string;
  /** Requests a window allows to one key. */
  budget: (limits: AppConfig['rateLimit']) => number;
  /** What one budget is shared by, in the document's words. */
  per: string;
  key: (req: Request, res: Response) => string;
  /** The problem's `detail`. */
  detail: string;
}

/** Customer routes: the caller and the customer acted for (someone else's calls never spend a customer's budget). */
const customerKey = (req: Request, res: Response) =>
  `${principalOf(res).sub}:${String(req.params.customerId)}`;

/** By operationId. */
export const RATE_LIMITS: Record<string, Limit> = {
  startUpgrade: {
    name: 'upgrade-start',
    budget: (limits) => limits.upgradeStarts,
    per: 'customer',
    key: customerKey,
    detail: 'too many upgrade requests for this customer; try again after Retry-After seconds',
  },
  quoteUpgrade: {
    name: 'upgrade-quote',
    budget: (limits) => limits.quotes,
    per: 'customer',
    key: customerKey,
    detail: 'too many quote requests for this customer; try again after Retry-After seconds',
  },
  notifyPayment: {
    name: 'payment-notification',
    budget: (limits) => limits.paymentNotifications,
    per: 'source IP address',
    key: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown'),
    detail: 'too many notifications from this address; deliver again after Retry-After seconds',
  },
  searchCustomers: {
    name: 'cs-search',
    budget: (limits) => limits.csSearches,
    per: 'staff account',
    key: (_req, res) => {
      const { issuer, sub } = principalOf(res);
      return `${issuer ?? ''}|${sub}`;
    },
    detail: 'too many searches from this account; try again after Retry-After seconds',
  },
};

/** The limit of an operation, if it has one. */
export const rateLimitOf = (op: Pick<Operation, 'operationId'>): Limit | undefined =>
  Object.hasOwn(RATE_LIMITS, op.operationId) ? RATE_LIMITS[op.operationId] : undefined;

/**
 * The limiters of those `operations` that have a limit, each on its operation's method and path
 * (mounted where the principal is known, for the keys that need one).
 */
export function rateLimits(operations: Operation[], deps: ApiDependencies): Router {
  const router = Router();
  const { rateLimit: limits } = deps.config;
  for (const op of operations) {
    const limit = rateLimitOf(op);
    if (!limit) continue;
    const path = op.path.replace(/\{(\w+)\}/g, ':$1');
    const limiter = rateLimit({
      windowMs: limits.windowMs,
      limit: limit.budget(limits),
      identifier: limit.name,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: new PostgresRateLimitStore(deps.db, `${limit.name}:`),
      keyGenerator: limit.key,
      handler: (_req, res, next) => {
        res.locals.refusal = 'RATE_LIMITED';
        next(problemOf(429, limit.detail, { reason: 'RATE_LIMITED' }));
      },
    });
    // Middleware, not a route: a router with routes would answer OPTIONS for its path itself, with
    // only its own methods in `Allow`.
    const method = op.method.toUpperCase();
    router.use(path, (req, res, next) =>
      req.method === method && req.path === '/' ? limiter(req, res, next) : next(),
    );
  }
  return router;
}
