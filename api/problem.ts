import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An RFC 9457 problem: every error answer is `application/problem+json` and says what is wrong. */
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

export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);
export const badRequest = (detail: string, extra?: Record<string, unknown>) =>
  new HttpProblem(400, 'Bad Request', detail, extra);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new HttpProblem(409, 'Conflict', detail, extra);
export const unprocessable = (detail: string, extra?: Record<string, unknown>) =>
  new HttpProblem(422, 'Unprocessable Content', detail, extra);

/** No operation has this path (a known path under another method answers 405: api/operation.ts). */
export const unknownRoute: RequestHandler = (req, _res, next) =>
  next(notFound(`no route for ${req.method} ${req.path}`));

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

/** Reason phrases of the 4xx errors Express and its body parser raise. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
};

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
    return new HttpProblem(e.status, TITLES[e.status] ?? 'Bad Request', detail);
  }
  return new HttpProblem(500, 'Internal Server Error', 'an unexpected error occurred; it has been logged');
}
