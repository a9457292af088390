import { Context } from '@temporalio/activity';

/** How often a running notice tells Temporal it is alive; its heartbeat timeout is a few of these. */
export const HEARTBEAT_INTERVAL_MS = 1_000;

/**
 * Runs `work`, heartbeating every second while it runs inside an activity. A worker that dies
 * mid-send stops heartbeating, so Temporal retries the activity on another worker after the
 * heartbeat timeout (seconds), not after the start-to-close timeout. Outside an activity (tests
 * calling the function directly) it only runs `work`.
 */
export async function whileHeartbeating<T>(work: () => Promise<T>): Promise<T> {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return work();
  }
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_INTERVAL_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
