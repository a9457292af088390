/**
 * Every request gets a request ID (the caller's `X-Request-Id` when it is a sane token, else a new
 * UUID), returned in `X-Request-Id` and on every log line of the request. With tracing on, the
 * server span (a W3C `traceparent` from the caller is its parent) is named by the route template
 * and returned as `traceresponse: 00-<trace-id>-<span-id>-<flags>` (W3C Trace Context Level 2).
 */
import { randomUUID } from 'node:crypto';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type express from 'express';
import { withRequestId } from './log-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `routeOf`: the route template of a path (the span's name, `http.route`). */
export function requestContext(routeOf: (path: string) => string): express.RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.requestId = requestId;
    const span = trace.getActiveSpan();
    const context = span?.spanContext();
    if (span && context && isSpanContextValid(context)) {
      const route = routeOf(req.path);
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      const flags = context.traceFlags.toString(16).padStart(2, '0');
      res.setHeader('traceresponse', `00-${context.traceId}-${context.spanId}-${flags}`);
    }
    withRequestId(requestId, next);
  };
}
