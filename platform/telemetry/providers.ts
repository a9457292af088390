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

export function tracedEmailTransport(transport: EmailTransport): EmailTransport {
  return {
    name: transport.name,
    send: (email) =>
      inSpan(
        `email ${transport.name}`,
        { 'selfcare.provider': transport.name, 'selfcare.idempotency_key': email.idempotencyKey },
        () => transport.send(email),
      ),
  };
}

export function tracedPushGateway(gateway: PushGateway): PushGateway {
  return {
    name: gateway.name,
    send: (message) =>
      inSpan(
        `push ${gateway.name}`,
        { 'selfcare.provider': gateway.name, 'selfcare.idempotency_key': message.idempotencyKey },
        () => gateway.send(message),
      ),
  };
}
