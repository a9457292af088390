/**
 * `OTEL_TRACES_SAMPLER` as configured, except that Prisma's queries outside any trace (the seed at
 * start, the probes' and the scrapes' queries) start none: a trace begins at a request, a workflow
 * start or an activity, never at a lone query.
 */
import { type Context, trace } from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace-base';
// Not re-exported by the package's index; the same function the SDK reads the variables with.
import { buildSamplerFromEnv } from '@opentelemetry/sdk-trace-base/build/src/config';

export class NoLoneQueriesSampler implements Sampler {
  private readonly configured: Sampler = buildSamplerFromEnv();

  shouldSample(context: Context, traceId: string, name: string, ...rest: unknown[]): SamplingResult {
    if (!trace.getSpan(context) && name.startsWith('prisma:'))
      return { decision: SamplingDecision.NOT_RECORD };
    return (this.configured.shouldSample as (...args: unknown[]) => SamplingResult)(
      context,
      traceId,
      name,
      ...rest,
    );
  }

  toString(): string {
    return `NoLoneQueries{${this.configured.toString()}}`;
  }
}
