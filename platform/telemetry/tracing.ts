/**
 * OpenTelemetry tracing from the standard environment variables: on when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, exported over
 * OTLP/HTTP as `OTEL_EXPORTER_OTLP_PROTOCOL` says (`http/protobuf`, the default, or `http/json`),
 * sampled as `OTEL_TRACES_SAMPLER` says, named `OTEL_SERVICE_NAME`. Off, none of the SDK is even
 * loaded. Must start before the modules it instruments (http, pg, Prisma) are: each front door
 * (platform/front-door.ts) starts it first and imports the process's code after.
 */
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Paths no one wants a trace of: the probes and the scrapes. */
export const UNTRACED_PATHS = new Set(['/livez', '/readyz', '/health', '/metrics']);

export interface Tracing {
  enabled: boolean;
  /** Workflow spans leave the workflow sandbox through a sink into this processor (platform/telemetry/temporal.ts). */
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Flushes what is buffered, then stops. */
  shutdown(): Promise<void>;
}

type Protocol = 'http/protobuf' | 'http/json';

/** The protocol asked for, or why the environment is wrong; undefined when tracing is off. */
export function tracingSettings(
  env: NodeJS.ProcessEnv,
): { protocol: Protocol; endpoint: string } | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return undefined;
  const protocol =
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new Error(
      `invalid environment:\n  OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf or http/json (got ${protocol})`,
    );
  }
  return { protocol, endpoint };
}

let started: Promise<Tracing> | undefined;

/** Starts the SDK once per process (later calls get the same one). */
export function startTracing(
  defaultServiceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing> {
  started ??= start(defaultServiceName, env);
  return started;
}

async function start(defaultServiceName: string, env: NodeJS.ProcessEnv): Promise<Tracing> {
  const { NoopSpanProcessor, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const resources = await import('@opentelemetry/resources');
  const settings = tracingSettings(env);
  if (!settings) {
    return {
      enabled: false,
      spanProcessor: new NoopSpanProcessor(),
      resource: resources.emptyResource(),
      shutdown: async () => {},
    };
  }
  const [{ NodeSDK }, { NoLoneQueriesSampler }, { ScrubbingSpanProcessor }, http, undici, pg, prisma] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('./sampler.js'),
      import('./span-scrubber.js'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-undici'),
      import('@opentelemetry/instrumentation-pg'),
      import('@prisma/instrumentation'),
    ]);
  const { OTLPTraceExporter } =
    settings.protocol === 'http/json'
      ? await import('@opentelemetry/exporter-trace-otlp-http')
      : await import('@opentelemetry/exporter-trace-otlp-proto');
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the default name.
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': defaultServiceName }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  // Every span, the workflow sandbox's too, is scrubbed of query strings and personal data before
  // it is batched for export (./span-scrubber.ts).
  const spanProcessor = new ScrubbingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter()));
  const sdk = new NodeSDK({
    resource,
    autoDetectResources: false,
    sampler: new NoLoneQueriesSampler(),
    spanProcessors: [spanProcessor],
    // Traces only: logs go to stdout (pino, with the trace ID), metrics to Prometheus.
    logRecordProcessors: [],
    instrumentations: [
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0] ?? ''),
        requireParentforOutgoingSpans: true,
      }),
      new undici.UndiciInstrumentation({ requireParentforSpans: true }),
      // Statements only, parameterized: never their values.
      new pg.PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new prisma.PrismaInstrumentation(),
    ],
  });
  sdk.start();
  return { enabled: true, spanProcessor, resource, shutdown: () => sdk.shutdown() };
}
