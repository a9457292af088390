/**
 * The idempotency key of one notice on one channel (also the transports' key): `scope` is the
 * upgrade's ID, or a bill's run ID for the bill's own notices; `occurrence` tells apart notices of
 * one kind that may come more than once.
 */
export function notificationKey(scope: string, kind: string, channel: string, occurrence?: string) {
  return `${scope}:${kind}:${channel}${occurrence ? `:${occurrence}` : ''}`;
}
