/**
 * Today's workflows, each with one change to what it commands, for the replay test: the
 * UpgradeWorkflow's change is not patched (recorded runs must fail to replay on it), the
 * BillPaymentWorkflow's is wrapped in `patched()` as docs/workflow-versioning.md asks (recorded
 * runs replay on it, without the change).
 */
import { patched, sleep } from '@temporalio/workflow';
import type { BillPaymentInput } from '../../contracts/payments';
import type { UpgradeWorkflowInput } from '../../contracts/upgrade';
import { BillPaymentWorkflow as todaysBillPayment, UpgradeWorkflow as todaysUpgrade } from '../../workflows';

export async function UpgradeWorkflow(input: UpgradeWorkflowInput) {
  await sleep('1 second');
  return todaysUpgrade(input);
}

export async function BillPaymentWorkflow(input: BillPaymentInput) {
  if (patched('example-pause-before-the-wait')) await sleep('1 second');
  return todaysBillPayment(input);
}
