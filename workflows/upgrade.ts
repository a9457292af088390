/**
 * UpgradeWorkflow: one customer's package upgrade, from request to (if needed) the swapped ONT.
 * Reads top to bottom like the deck. Every side effect is an activity keyed by the upgrade ID.
 */
import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { CustomerIdKey, TargetPackageKey, UpgradeStatusKey } from '../contracts/search-attributes';
import {
  progressQuery,
  type UpgradeProgress,
  type UpgradeStatus,
  type UpgradeWorkflowInput,
} from '../contracts/upgrade';

const { recordUpgradeRequest } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function UpgradeWorkflow(input: UpgradeWorkflowInput): Promise<UpgradeProgress> {
  const progress: UpgradeProgress = {
    upgradeId: input.upgradeId,
    workflowId: workflowInfo().workflowId,
    customerId: input.customerId,
    targetPackageCode: input.targetPackageCode,
    status: 'BILLING',
    steps: [],
    billCode: null,
    upgradeTicketNo: null,
    upgradeWorkOrderNo: null,
    changeOntTicketNo: null,
    maintenanceWorkOrderNo: null,
    failureReason: null,
  };
  setHandler(progressQuery, () => progress);

  const setStatus = (status: UpgradeStatus) => {
    progress.status = status;
    upsertSearchAttributes([{ key: UpgradeStatusKey, value: status }]);
  };
  const step = (name: string) => progress.steps.push({ name, at: new Date().toISOString() });

  upsertSearchAttributes([
    { key: CustomerIdKey, value: input.customerId },
    { key: TargetPackageKey, value: input.targetPackageCode },
  ]);
  setStatus('BILLING');

  await recordUpgradeRequest(input);
  step('REQUEST_RECORDED');

  setStatus('COMPLETED');
  return progress;
}
