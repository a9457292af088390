/**
 * A run's trace, kept in its memo (`traceparent`, W3C), so calls that reach the run later — the
 * technician's report, the payment notification — join it: their signal or update is sent from a
 * span that is a child of the run's trace and links the caller's own request span. Only when
 * tracing is on (the request span records): otherwise nothing is read or started.
 */
import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { WorkflowHandle } from '@temporalio/client';

/** The active trace as memo fields for `workflow.start`; empty when there is none. */
export function traceMemo(): { memo?: { traceparent: string } } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { memo: { traceparent: carrier.traceparent } } : {};
}

/** Runs `send` (a signal, an update) in the trace of the run behind `handle`, linked to the caller's span. */
export async function inRunTrace<T>(
  handle: WorkflowHandle,
  name: string,
  send: () => Promise<T>,
): Promise<T> {
  const caller = trace.getActiveSpan();
  if (!caller?.isRecording()) return send();
  const traceparent = await handle.describe().then(
    (run) => run.memo?.traceparent,
    () => undefined,
  );
  if (typeof traceparent !== 'string') return send();
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent });
  const callerContext = caller.spanContext();
  const links = isSpanContextValid(callerContext) ? [{ context: callerContext }] : [];
  return trace.getTracer('selfcare').startActiveSpan(name, { links }, parent, async (span) => {
    caller.addLink({ context: span.spanContext() });
    try {
      return await send();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
