import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { authenticate } from '../platform/auth';
import type { AppConfig } from '../platform/config';
import { HttpProblem, problemHandler, unknownRoute } from '../platform/http/problem';
import { webApp, webAppCsp } from '../platform/http/web-app';
import { requestContext } from '../platform/telemetry/request-context';
import { requestLog } from '../platform/telemetry/request-log';
import { principalOf } from './access';
import type { ApiDependencies } from './dependencies';
import { routeOf } from './metrics';
import { mount } from './operation';
import { OPERATIONS } from './operations';

export type { ApiDependencies } from './dependencies';

export function createApp(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  if (deps.metrics) app.use(deps.metrics.track);
  app.use(
    helmet({ contentSecurityPolicy: { directives: webAppCsp(deps.config.auth.webClient?.authority) } }),
  );
  app.use(requestContext(routeOf));
  app.use(requestLog(deps.logger));
  // The raw body is kept for the payment gateway's signature (api/access.ts).
  app.use(
    express.json({
      limit: '16kb',
      strict: true,
      verify: (req, _res, raw) => {
        (req as typeof req & { rawBody?: Buffer }).rawBody = raw;
      },
    }),
  );
  const { webhookSecret, previousWebhookSecret } = deps.config.payments;
  app.locals.paymentWebhookSecrets = previousWebhookSecret
    ? [webhookSecret, previousWebhookSecret]
    : [webhookSecret];
  // Public and signed operations first; every other /v1 operation needs a token.
  const v1 = OPERATIONS.filter(
    (op) => op.path.startsWith('/v1/') && op.access !== 'payment-gateway' && op.access !== 'public',
  );
  app.use(
    mount(
      OPERATIONS.filter((op) => !v1.includes(op)),
      deps,
    ),
  );
  app.use('/app', webApp());
  app.use('/v1', authenticate(deps.config.auth, deps.verifier));
  app.use('/v1/customers/:customerId/upgrades', upgradeSubmissionLimit(deps.config));
  app.use('/v1', mount(v1, deps, '/v1'));
  app.use(unknownRoute);
  app.use(problemHandler((error) => deps.logger.error({ err: error }, 'request failed')));
  return app;
}

/** Upgrade submissions per customer: a handful a minute is plenty for a person; more is a loop. */
function upgradeSubmissionLimit(config: AppConfig) {
  return rateLimit({
    windowMs: 60_000,
    limit: config.rateLimit.upgradesPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'POST',
    keyGenerator: (req, res) => `${principalOf(res).sub}:${String(req.params.customerId)}`,
    handler: (_req, _res, next) =>
      next(
        new HttpProblem(
          429,
          'Too Many Requests',
          'too many upgrade requests for this customer; try again in a minute',
        ),
      ),
  });
}
