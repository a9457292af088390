/**
 * How the workflow reaches its activities. Steps that only write our own PostgreSQL are short and
 * idempotent: local activities, run and retried inside the worker (no task queue round trip, no
 * activity task events). Notices reach outside providers (push gateway, Resend): regular
 * activities, visible and retried by the server. Every call carries a summary for the Web UI.
 */
import {
  ActivityCancellationType,
  type ActivityOptions,
  type LocalActivityOptions,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
} from '@temporalio/workflow';
import type { DatabaseSteps, NoticeSteps } from '../activities';
import { NOTICE_KIND_LIST, NOTICE_KINDS } from '../contracts/notifications';
import { STEPS } from '../contracts/steps';
import { NON_RETRYABLE_TYPES } from '../contracts/upgrade';

const retry = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  nonRetryableErrorTypes: [...NON_RETRYABLE_TYPES],
} as const satisfies RetryPolicy;

/**
 * A database step gets 15 s a try; between tries at most 10 s, so once PostgreSQL is back after
 * an outage the step goes on within seconds (retries under a minute stay in the worker).
 */
const DATABASE_STEP: LocalActivityOptions = {
  startToCloseTimeout: '15 seconds',
  // A cancel waits for a step already running: nothing may commit after the settlement.
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { ...retry, maximumInterval: '10 seconds' },
};

/**
 * A notice gets 60 s a try: longer than the email transport's own 30 s timeout, so it classifies a
 * hang. It heartbeats every second while it runs (platform/heartbeat.ts): when its worker dies
 * mid-send, another worker retries it 5 s later instead of after the 60 s.
 */
const NOTICE: ActivityOptions = {
  startToCloseTimeout: '60 seconds',
  heartbeatTimeout: '5 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { ...retry, maximumInterval: '1 minute' },
};

/**
 * The database steps, run as local activities (the name `db` is Prisma's, in activities/). A call
 * that takes a step of the upgrade shows that step's summary (contracts/steps.ts).
 */
export const localActivities = withSummaries<DatabaseSteps, LocalActivityOptions>(
  proxyLocalActivities<DatabaseSteps>(DATABASE_STEP),
  DATABASE_STEP,
  {
    acceptUpgradeRequest: STEPS.REQUEST_ACCEPTED.summary,
    issueUpgradeBill: STEPS.BILL_ISSUED.summary,
    openUpgradeTicket: STEPS.UPGRADE_TICKET_CLOSED.summary,
    createUpgradeWorkOrder: STEPS.UPGRADE_WORK_ORDER_CREATED.summary,
    switchSubscription: STEPS.PACKAGE_SWITCHED.summary,
    openChangeOntTicket: 'TT SR – Change ONT',
    createMaintenanceWorkOrder: STEPS.ONT_SWAP_SCHEDULED.summary,
    escalateOntSwap: STEPS.ONT_SWAP_ESCALATED.summary,
    completeOntSwap: STEPS.ONT_SWAP_CLOSED.summary,
    completeUpgrade: STEPS.COMPLETED.summary,
    settleUpgrade: 'Settle: void the bill before the switch, cancel an open ONT visit',
    bookVisit: STEPS.ONT_VISIT_BOOKED.summary,
    recordMissedVisit: STEPS.ONT_VISIT_MISSED.summary,
    readBillStatus: 'Is the bill still unpaid?',
    checkPaymentAttempt: 'Ask the payment gateway: was this attempt paid?',
  },
);

/** The notice activities, each with its summary from the registry (contracts/notifications.ts). */
export const notices = withSummaries<NoticeSteps, ActivityOptions>(
  proxyActivities<NoticeSteps>(NOTICE),
  NOTICE,
  Object.fromEntries(
    NOTICE_KIND_LIST.map((kind) => [NOTICE_KINDS[kind].activity, NOTICE_KINDS[kind].summary]),
  ) as {
    [K in keyof NoticeSteps]: string;
  },
);

// biome-ignore lint/suspicious/noExplicitAny: any activity signature
type Activity = (...args: any[]) => Promise<any>;
type WithOptions<O> = { executeWithOptions(options: O, args: unknown[]): Promise<unknown> };

/** The proxy's functions, each calling with `options` plus its own summary. */
function withSummaries<A extends { [K in keyof A]: Activity }, O extends { summary?: string }>(
  proxy: unknown,
  options: O,
  summaries: { [K in keyof A]: string },
): A {
  const calls: Partial<A> = {};
  for (const name of Object.keys(summaries) as Array<keyof A>) {
    const fn = (proxy as Record<keyof A, WithOptions<O>>)[name];
    calls[name] = ((...args: unknown[]) =>
      fn.executeWithOptions({ ...options, summary: summaries[name] }, args)) as A[typeof name];
  }
  return calls as A;
}
