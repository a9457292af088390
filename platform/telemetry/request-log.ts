import type express from 'express';
import type { Logger } from '../logger';

/** One line per request: method, path without the query (it may carry a link token), status, time, role. */
export function requestLog(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const role = (res.locals.principal as { role?: string } | undefined)?.role;
      // A refusal's reason (e.g. a payment notification's), never its secrets.
      const refusal = res.locals.refusal as string | undefined;
      logger.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms), role, refusal },
        'request',
      );
    });
    next();
  };
}
