/**
 * RFC 9457 problems for every HTTP server of ours (the API, the codec server): each error answer
 * is `application/problem+json` (its schema: contracts/problem.ts) and says what is wrong; nothing
 * unexpected (a stack, an SQL message) reaches the body, it is logged instead. A service's
 * `Refused` is answered with the status of its code (contracts/refusals.ts) and the code as
 * `reason`; `Unavailable` answers 503.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { REFUSALS, type RefusalCode, Refused, Unavailable } from '../../contracts/refusals';
import type { Logger } from '../logger';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

/** The reason phrases of the statuses we answer (`title` of an `about:blank` problem). */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** A problem titled by its status's reason phrase. */
export const problemOf = (status: number, detail?: string, extra?: Record<string, unknown>) =>
  new HttpProblem(status, TITLES[status] ?? 'Bad Request', detail, extra);

export const notFound = (detail: string) => problemOf(404, detail);
export const badRequest = (detail: string, extra?: Record<string, unknown>) => problemOf(400, detail, extra);

/** A refusal or an outage thrown by a service as the problem it is answered with; else the error. */
export function answerOf(error: unknown, res: Response, logger: Logger): unknown {
  if (error instanceof Refused) {
    const code: RefusalCode = error.code;
    // In the request log (platform/telemetry/request-log.ts): why it was refused.
    res.locals.refusal = code;
    return problemOf(REFUSALS[code].status, error.message, { reason: code, ...error.extra });
  }
  if (error instanceof Unavailable) {
    logger.error({ err: error.cause, ...error.context }, error.message);
    return problemOf(503, error.message);
  }
  return error;
}

/** No route has this path. */
export const unknownRoute: RequestHandler = (req, _res, next) =>
  next(problemOf(404, `no route for ${req.method} ${req.path}`));

export function problemHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = toProblem(error);
    if (problem.status >= 500) log(error);
    res
      .status(problem.status)
      .type('application/problem+json')
      .json({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: req.originalUrl.split('?')[0],
        ...problem.extra,
      });
  };
}

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  // Errors raised by Express's own body parser carry an HTTP status and a safe message.
  const e = error as { status?: number; type?: string; expose?: boolean; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    const detail =
      e.type === 'entity.too.large'
        ? 'request body is too large'
        : e.type === 'entity.parse.failed'
          ? 'request body is not valid JSON'
          : e.expose
            ? e.message
            : undefined;
    return problemOf(e.status, detail);
  }
  return new HttpProblem(500, 'Internal Server Error', 'an unexpected error occurred; it has been logged');
}
