/**
 * Temporal's OpenTelemetry interceptors for OpenTelemetry JS 2 (@temporalio/interceptors-opentelemetry-v2) as the client,
 * the worker and the workflow bundle take them, so one trace runs StartWorkflow → RunWorkflow →
 * each activity (regular and local) → its SQL and provider calls. With tracing off they cost a
 * no-op span per call, and the workflow spans the sandbox makes go to a processor that drops them.
 */

import { emptyResource } from '@opentelemetry/resources';
import type { ClientInterceptors } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry-v2';
import type { WorkerOptions } from '@temporalio/worker';
import type { Tracing } from './tracing';

/**
 * The workflow interceptors, bundled with the workflow code (scripts/build-workflow-bundle.ts).
 * They add no command: the trace context travels in headers, the spans leave through a sink, and
 * what they change in the task's order is gated by SDK flags recorded in the history, so histories
 * recorded before stay replayable (test/workflow/replay.test.ts replays them with this bundle).
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [
  require.resolve('@temporalio/interceptors-opentelemetry-v2/lib/workflow-interceptors'),
];

/** What the worker takes with tracing off: the workflow spans go to a processor that drops them. */
export const TRACING_OFF: Pick<Tracing, 'spanProcessor' | 'resource'> = {
  spanProcessor: { forceFlush: async () => {}, onStart: () => {}, onEnd: () => {}, shutdown: async () => {} },
  resource: emptyResource(),
};

/** For every `Client` (the API's, and the worker's own for the bill's run). */
export function tracingClientInterceptors(): ClientInterceptors {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** Activity interceptors (trace context in, trace ID on the SDK's log lines) and the workflow span sink. */
export function tracingWorkerOptions(tracing: Pick<Tracing, 'spanProcessor' | 'resource'>) {
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  } satisfies Pick<WorkerOptions, 'interceptors' | 'sinks'>;
}
