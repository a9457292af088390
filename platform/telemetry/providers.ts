/**
 * A span around each provider call (email, push), named by the provider, so a trace shows which
 * one was called, for whom and how long it took (its HTTP call, Resend's, is a child span).
 */
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { EmailTransport } from '../notifications/email-transport';
import type { PushGateway } from '../notifications/push-gateway';

const tracer = () => trace.getTracer('selfcare');

function inSpan<T>(name: string, attributes: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.name : String(error),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A provider whose every send is a span (`email smtp`, `push local`) naming it and the send's key. */
function traced<M extends { idempotencyKey: string }, R>(
  channel: 'email' | 'push',
  provider: { readonly name: string; send(message: M): Promise<R> },
) {
  return {
    name: provider.name,
    send: (message: M) =>
      inSpan(
        `${channel} ${provider.name}`,
        { 'selfcare.provider': provider.name, 'selfcare.idempotency_key': message.idempotencyKey },
        () => provider.send(message),
      ),
  };
}

export const tracedEmailTransport = (transport: EmailTransport): EmailTransport => traced('email', transport);

export const tracedPushGateway = (gateway: PushGateway): PushGateway => traced('push', gateway);
