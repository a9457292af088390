/**
 * FROZEN with upgrade-v1.ts: frozen copies of everything the legacy workflow used from live code
 * (progress shape, step names, retry list, SLA default, search attribute keys, query and signal
 * names, the activities it calls), so a change to the live contract cannot change what old runs
 * replay. Do not edit. The live activities must still answer these calls:
 * test/workflow/replay.test.ts checks `Activities` against `LegacyActivities` at compile time.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const DEFAULT_ONT_SWAP_SLA = '3 days';

export const NON_RETRYABLE_TYPES = [
  'UpgradeRefused',
  'NotFound',
  'EmailRejected',
  'EmailPropsInvalid',
  'InvalidState',
  'SlotFull',
] as const;

export type LegacyStatus = 'BILLING' | 'AWAITING_ONT_SWAP' | 'ESCALATED' | 'COMPLETED' | 'FAILED';

export type LegacyStep =
  | 'REQUEST_ACCEPTED'
  | 'BILL_ISSUED'
  | 'UPGRADE_TICKET_CLOSED'
  | 'UPGRADE_WORK_ORDER_CREATED'
  | 'PACKAGE_SWITCHED'
  | 'CUSTOMER_NOTIFIED'
  | 'ONT_SWAP_SCHEDULED'
  | 'ONT_SWAP_NOTICE_SENT'
  | 'ONT_SWAP_ESCALATED'
  | 'ONT_REPLACED'
  | 'ONT_SWAP_CLOSED'
  | 'COMPLETED'
  | 'FAILED';

export interface LegacyInput {
  upgradeId: string;
  customerId: string;
  targetPackageCode: string;
  idempotencyKey: string;
  requestedAt: string;
  ontSwapSla?: string;
}

export interface LegacyProgress {
  upgradeId: string;
  workflowId: string;
  customerId: string;
  fromPackageCode: string | null;
  targetPackageCode: string;
  status: LegacyStatus;
  requestedAt: string;
  steps: Array<{ name: LegacyStep; at: string }>;
  billCode: string | null;
  upgradeTicketNo: string | null;
  upgradeWorkOrderNo: string | null;
  changeOntTicketNo: string | null;
  maintenanceWorkOrderNo: string | null;
  failureReason: string | null;
  undeliveredNotices: never[];
  ontSwap: {
    awaitingSince: string;
    slaDeadline: string;
    escalatedAt: string | null;
    replacedAt: string | null;
  } | null;
}

export function initialLegacyProgress(input: LegacyInput, workflowId: string): LegacyProgress {
  return {
    upgradeId: input.upgradeId,
    workflowId,
    customerId: input.customerId,
    fromPackageCode: null,
    targetPackageCode: input.targetPackageCode,
    status: 'BILLING',
    requestedAt: input.requestedAt,
    steps: [],
    billCode: null,
    upgradeTicketNo: null,
    upgradeWorkOrderNo: null,
    changeOntTicketNo: null,
    maintenanceWorkOrderNo: null,
    failureReason: null,
    undeliveredNotices: [],
    ontSwap: null,
  };
}

export interface LegacyReport {
  workOrderNumber: string;
  newOntSerial: string;
  newOntModel: string;
  band: 'DUAL';
  technician: string | null;
  replacedAt: string;
}

export const progressQuery = defineQuery<LegacyProgress>('progress');
export const ontReplacedSignal = defineSignal<[LegacyReport]>('ontReplaced');

export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const UpgradeStatusKey = defineSearchAttributeKey('UpgradeStatus', SearchAttributeType.KEYWORD);
export const TargetPackageKey = defineSearchAttributeKey('TargetPackage', SearchAttributeType.KEYWORD);
export const TicketNumbersKey = defineSearchAttributeKey('TicketNumbers', SearchAttributeType.KEYWORD_LIST);
export const WorkOrderNumbersKey = defineSearchAttributeKey(
  'WorkOrderNumbers',
  SearchAttributeType.KEYWORD_LIST,
);
export const AwaitingOntSwapSinceKey = defineSearchAttributeKey(
  'AwaitingOntSwapSince',
  SearchAttributeType.DATETIME,
);

interface LegacyPlan {
  from: { code: string; name: string };
  target: { code: string; name: string; priceIdr: number; termMonths: number };
  promoLabel: string | null;
  needsOntSwap: boolean;
}

type Upgrade = { upgradeId: string; customerId: string };

/** The activities v1 runs call, as they were called then. */
export interface LegacyActivities {
  acceptUpgradeRequest(input: LegacyInput): Promise<LegacyPlan>;
  issueUpgradeBill(
    input: Upgrade & { targetPackageCode: string; requestedAt: string },
  ): Promise<{ billCode: string }>;
  recordUpgradeProgress(update: { upgradeId: string; [field: string]: unknown }): Promise<void>;
  openUpgradeTicket(
    input: Upgrade & { fromPackageName: string; targetPackageName: string; targetPriceIdr: number },
  ): Promise<{ ticketNo: string }>;
  createUpgradeWorkOrder(
    input: Upgrade & { targetPackageName: string; promoLabel: string | null; ticketNo: string },
  ): Promise<{ woNumber: string }>;
  switchSubscription(
    input: Upgrade & { targetPackageCode: string; termMonths: number; requestedAt: string },
  ): Promise<unknown>;
  notifyBillIssued(input: Upgrade & { billCode: string }): Promise<unknown>;
  openChangeOntTicket(input: Upgrade): Promise<{ ticketNo: string }>;
  createMaintenanceWorkOrder(
    input: Upgrade & { ticketNo: string; targetPackageName: string },
  ): Promise<{ woNumber: string }>;
  notifyOntSwapScheduled(input: Upgrade & { workOrderNumber: string }): Promise<unknown>;
  addTicketNote(input: { ticketNo: string; note: string }): Promise<void>;
  notifyOntSwapDelayed(input: Upgrade & { workOrderNumber: string }): Promise<unknown>;
  recordOntReplacement(
    input: Upgrade & { newOntSerial: string; newOntModel: string; band: 'DUAL'; replacedAt: string },
  ): Promise<unknown>;
  completeWorkOrder(input: { woNumber: string; completedAt: string }): Promise<void>;
  closeTicket(input: { ticketNo: string; closedAt: string }): Promise<void>;
  notifyOntSwapCompleted(
    input: Upgrade & {
      workOrderNumber: string;
      newOntSerial: string;
      newOntModel: string;
      replacedAt: string;
    },
  ): Promise<unknown>;
  recordUpgradeFailure(input: LegacyInput & { reason: string; progress?: unknown }): Promise<void>;
}
