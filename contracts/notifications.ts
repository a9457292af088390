/**
 * The idempotency key of one notice on one channel (also the transports' key): `scope` is the
 * upgrade's ID, or a bill's run ID for the bill's own notices; `occurrence` tells apart notices of
 * one kind that may come more than once.
 */
export function notificationKey(scope: string, kind: string, channel: string, occurrence?: string) {
  return `${scope}:${kind}:${channel}${occurrence ? `:${occurrence}` : ''}`;
}

/**
 * Every customer notice, by kind: the activity that sends it and the summary the Web UI shows for
 * that call. Shared by the workflows (which call the activities) and the activities (which say
 * what each notice loads and says: `NOTICES` in activities/notifications/notices.ts, a total map of these
 * kinds). Adding a notice: an entry here, its `NOTICES` entry, and its email component if it has one.
 */
export const NOTICE_KINDS = {
  BILL_ISSUED: { activity: 'notifyBillIssued', summary: 'Notice: bill issued (push, inbox, email)' },
  ONT_SWAP_SCHEDULED: {
    activity: 'notifyOntSwapScheduled',
    summary: 'Notice: ONT swap scheduled (push, inbox, email)',
  },
  ONT_SWAP_COMPLETED: {
    activity: 'notifyOntSwapCompleted',
    summary: 'Notice: ONT swap completed (push, inbox, email)',
  },
  ONT_SWAP_DELAYED: { activity: 'notifyOntSwapDelayed', summary: 'Notice: ONT swap delayed (push, inbox)' },
  UPGRADE_CANCELLED: {
    activity: 'notifyUpgradeCancelled',
    summary: 'Notice: upgrade cancelled, bill voided (push, inbox, email)',
  },
  ONT_VISIT_CANCELLED: {
    activity: 'notifyOntVisitCancelled',
    summary: 'Notice: ONT visit cancelled (push, inbox, email)',
  },
  VISIT_BOOKED: {
    activity: 'notifyVisitBooked',
    summary: 'Notice: technician visit booked or moved (push, inbox, email)',
  },
  VISIT_REMINDER: {
    activity: 'notifyVisitReminder',
    summary: 'Notice: technician visit tomorrow (push, inbox)',
  },
  VISIT_MISSED: {
    activity: 'notifyVisitMissed',
    summary: 'Notice: technician visit missed, to be rebooked (push, inbox, email)',
  },
  BILL_DUE_REMINDER: {
    activity: 'notifyBillDueReminder',
    summary: 'Notice: bill due tomorrow (push, inbox, email)',
  },
  PAYMENT_RECEIVED: {
    activity: 'notifyPaymentReceived',
    summary: 'Notice: payment received, the receipt (push, inbox, email)',
  },
} as const;

export type NoticeKind = keyof typeof NOTICE_KINDS;
export type NoticeActivityName = (typeof NOTICE_KINDS)[NoticeKind]['activity'];
export const NOTICE_KIND_LIST = Object.keys(NOTICE_KINDS) as NoticeKind[];
