import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stdout; personal data (emails, phones, tokens) is redacted wherever it appears. */
export function createLogger(level: string, name = 'selfcare'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['*.email', '*.phone', '*.to', 'req.headers.authorization', '*.authorization', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}
