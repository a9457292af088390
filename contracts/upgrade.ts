/**
 * The upgrade's contract, shared by the API, the workflow, the activities and the tests.
 * Imported by workflow code: keep it free of I/O and Node-only modules.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const UPGRADE_WORKFLOW_TYPE = 'UpgradeWorkflow';

export const UPGRADE_STATUSES = ['BILLING', 'AWAITING_ONT_SWAP', 'ESCALATED', 'COMPLETED', 'FAILED'] as const;
export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];

export interface UpgradeWorkflowInput {
  upgradeId: string;
  customerId: string;
  targetPackageCode: string;
  idempotencyKey: string;
  /** ISO instant the customer asked; the bill's date is this day in Jakarta. */
  requestedAt: string;
  /** How long a technician may take to swap the ONT before the run escalates (default 3 days). */
  ontSwapSla?: string;
}

export const DEFAULT_ONT_SWAP_SLA = '3 days';

export interface UpgradeStep {
  name: string;
  at: string;
}

export interface UpgradeProgress {
  upgradeId: string;
  workflowId: string;
  customerId: string;
  fromPackageCode: string | null;
  targetPackageCode: string;
  status: UpgradeStatus;
  requestedAt: string;
  steps: UpgradeStep[];
  billCode: string | null;
  upgradeTicketNo: string | null;
  upgradeWorkOrderNo: string | null;
  changeOntTicketNo: string | null;
  maintenanceWorkOrderNo: string | null;
  failureReason: string | null;
  /** Set while waiting for the technician: when the wait started and when it escalates. */
  ontSwap: {
    awaitingSince: string;
    slaDeadline: string;
    escalatedAt: string | null;
    replacedAt: string | null;
  } | null;
}

/** The technician's report that the ONT was swapped (technician API → signal). */
export interface OntReplacedSignal {
  workOrderNumber: string;
  newOntSerial: string;
  newOntModel: string;
  band: 'DUAL';
  technician: string | null;
  replacedAt: string;
}

export const progressQuery = defineQuery<UpgradeProgress>('progress');
export const ontReplacedSignal = defineSignal<[OntReplacedSignal]>('ontReplaced');

/** Workflow ID for a customer's request; the same key finds the same run. */
export function upgradeWorkflowId(customerId: string, idempotencyKey: string): string {
  return `upgrade-${customerId}-${idempotencyKey}`;
}
