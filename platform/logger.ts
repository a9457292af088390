import pino from 'pino';
import { logContext } from './telemetry/log-context';
import { scrubValue } from './telemetry/personal-data';

export type Logger = pino.Logger;

const errorFields = (error: Error) => ({ ...pino.stdSerializers.err(error) });

/**
 * What a log call is given, scrubbed (platform/telemetry/personal-data.ts): the personal and
 * secret fields of our shapes at any depth (names, emails, phones, addresses, homepass, ONT
 * serials, message bodies, tokens, Authorization and Cookie headers), and tokens, query strings,
 * emails and phone numbers in any text, the message and errors' messages and stacks included.
 */
export function scrubLogArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const scrubbed = rest.map((arg) => scrubValue(arg, errorFields));
  if (first instanceof Error) {
    // pino's own form of `logger.error(err)`: the error under `err`, its message as the message.
    const err = scrubValue(first, errorFields) as { message?: string };
    return [{ err }, ...(scrubbed.length > 0 ? scrubbed : [err.message])];
  }
  return [scrubValue(first, errorFields), ...scrubbed];
}

/**
 * JSON logs on stdout; personal data is scrubbed wherever it appears (`scrubLogArguments`).
 * Each line of a request or an activity carries its request ID and trace ID (telemetry/log-context.ts).
 */
export function createLogger(level: string, name = 'selfcare'): Logger {
  const logger = pino({
    name,
    level,
    mixin: logContext,
    hooks: {
      logMethod(args, method) {
        method.apply(this, scrubLogArguments(args) as Parameters<typeof method>);
      },
    },
    serializers: {
      // Errors arrive already serialized and scrubbed; one logged some other way is scrubbed here.
      err: (err: unknown) => (err instanceof Error ? scrubValue(err, errorFields) : err),
    },
  });
  // A child logger's own fields (`logger.child({…})`) are scrubbed too; its children inherit this.
  const child = logger.child;
  logger.child = function scrubbedChild(this: Logger, bindings, options) {
    return child.call(this, scrubValue(bindings, errorFields) as typeof bindings, options);
  } as typeof logger.child;
  return logger;
}
