import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import {
  progressQuery,
  UPGRADE_WORKFLOW_TYPE,
  type UpgradeProgress,
  type UpgradeWorkflowInput,
  upgradeWorkflowId,
} from '../../contracts/upgrade';
import type { ApiDependencies } from '../app';
import { notFound } from '../problem';
import { CustomerIdParam, IdempotencyKey, StartUpgradeBody, UpgradeIdParam } from '../schemas';
import { parseOr400 } from '../validation';

export function upgradesRouter({ db, temporal, config }: ApiDependencies): Router {
  const router = Router();

  router.post('/customers/:customerId/upgrades', async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    const headerKey = req.get('Idempotency-Key');
    const idempotencyKey =
      headerKey === undefined
        ? randomUUID()
        : parseOr400(IdempotencyKey, headerKey, 'Idempotency-Key header');
    const body = parseOr400(StartUpgradeBody, req.body ?? {}, 'body');

    const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw notFound(`customer ${customerId} does not exist`);

    const workflowId = upgradeWorkflowId(customerId, idempotencyKey);
    const input: UpgradeWorkflowInput = {
      upgradeId: workflowId,
      customerId,
      targetPackageCode: body.targetPackageCode,
      idempotencyKey,
      requestedAt: new Date().toISOString(),
    };
    let created = true;
    try {
      await temporal.workflow.start(UPGRADE_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: config.temporal.taskQueue,
        args: [input],
        // A repeated request (same key) finds the run it started, whether running or closed.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Upgrade customer ${customerId} to ${body.targetPackageCode}`,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      created = false;
    }
    res
      .status(202)
      .location(`/v1/upgrades/${workflowId}`)
      .json({
        upgradeId: workflowId,
        workflowId,
        status: created ? 'BILLING' : await currentStatus(workflowId),
        links: { self: `/v1/upgrades/${workflowId}` },
      });
  });

  router.get('/upgrades/:upgradeId', async (req, res) => {
    const upgradeId = parseOr400(UpgradeIdParam, req.params.upgradeId, 'upgradeId');
    res.json(await readProgress(upgradeId));
  });

  async function readProgress(workflowId: string): Promise<UpgradeProgress> {
    try {
      return await temporal.workflow.getHandle(workflowId).query(progressQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`upgrade ${workflowId} does not exist`);
      throw error;
    }
  }

  async function currentStatus(workflowId: string) {
    return (await readProgress(workflowId)).status;
  }

  return router;
}
