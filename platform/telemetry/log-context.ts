/**
 * What every log line of a request or an activity carries (pino's `mixin`): the request ID of the
 * HTTP request being served, and the trace and span IDs of the active span, so a log line leads
 * to its trace and back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isSpanContextValid, trace } from '@opentelemetry/api';

const requestIds = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it starts) as part of the request `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestIds.run(requestId, fn);
}

export function logContext(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = requestIds.getStore();
  if (requestId) fields.requestId = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) {
    fields.trace_id = span.traceId;
    fields.span_id = span.spanId;
  }
  return fields;
}
