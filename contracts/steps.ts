/**
 * The steps an upgrade's run goes through, in the deck's order; the view lists those that
 * happened. Plain data, no import: the workflow bundle and the web app (web/src/lib/steps.ts, the
 * progress screen's path) take it as it is.
 */

/** The steps every upgrade takes, up to the customer told of the new package. */
export const PACKAGE_STEPS = [
  'REQUEST_ACCEPTED',
  'BILL_ISSUED',
  'UPGRADE_TICKET_CLOSED',
  'UPGRADE_WORK_ORDER_CREATED',
  'PACKAGE_SWITCHED',
  'CUSTOMER_NOTIFIED',
] as const;

export const UPGRADE_STEPS = [
  ...PACKAGE_STEPS,
  'ONT_SWAP_SCHEDULED',
  'ONT_SWAP_NOTICE_SENT',
  'ONT_VISIT_BOOKED',
  'ONT_VISIT_REMINDED',
  'ONT_VISIT_MISSED',
  'ONT_SWAP_ESCALATED',
  'ONT_REPLACED',
  'ONT_SWAP_CLOSED',
  'ONT_SWAP_COMPLETED_NOTICE_SENT',
  'BILL_VOIDED',
  'ONT_VISIT_CANCELLED',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TERMINATED',
] as const;
