import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { ontReplacedSignal } from '../../contracts/upgrade';
import { requireRole } from '../access';
import type { ApiDependencies } from '../app';
import { conflict, HttpProblem, notFound, unprocessable } from '../problem';
import { NoQuery, OntReplacementBody, WorkOrderNumberParam } from '../schemas';
import { parseOr400 } from '../validation';

/** For the installer vendor's technicians: report that the ONT of a maintenance WO was swapped. */
export function technicianRouter({ db, temporal, logger }: ApiDependencies): Router {
  const router = Router();

  router.post(
    '/technician/work-orders/:woNumber/ont-replacement',
    requireRole('technician'),
    async (req, res) => {
      const woNumber = parseOr400(WorkOrderNumberParam, req.params.woNumber, 'woNumber');
      parseOr400(NoQuery, req.query, 'query');
      const body = parseOr400(OntReplacementBody, req.body ?? {}, 'body');
      const workOrder = await db.workOrder.findUnique({ where: { woNumber } });
      if (!workOrder) throw notFound(`work order ${woNumber} does not exist`);
      if (workOrder.type !== 'MAINTENANCE') {
        throw conflict(`work order ${woNumber} is an ${workOrder.type} order, not an ONT swap`, {
          reason: 'NOT_MAINTENANCE',
        });
      }
      if (workOrder.status !== 'REPLACING' || !workOrder.upgradeId) {
        throw conflict(`work order ${woNumber} is already ${workOrder.status}`, {
          reason: 'WORK_ORDER_CLOSED',
        });
      }
      if (body.band !== 'DUAL') {
        throw unprocessable('the new ONT must be dual band for the upgraded package', {
          reason: 'NOT_DUAL_BAND',
        });
      }
      const device = await db.ontDevice.findUnique({ where: { serial: body.newOntSerial } });
      if (device && device.upgradeId !== workOrder.upgradeId) {
        throw conflict(`ONT ${body.newOntSerial} is already registered`, {
          reason: 'ONT_ALREADY_REGISTERED',
        });
      }
      try {
        await temporal.workflow.getHandle(workOrder.upgradeId).signal(ontReplacedSignal, {
          workOrderNumber: woNumber,
          newOntSerial: body.newOntSerial,
          newOntModel: body.newOntModel,
          band: 'DUAL',
          technician: body.technician ?? null,
          replacedAt: body.replacedAt ? new Date(body.replacedAt).toISOString() : new Date().toISOString(),
        });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          throw conflict(`the upgrade of work order ${woNumber} is no longer running`, {
            reason: 'WORK_ORDER_CLOSED',
          });
        }
        logger.error({ err: error, woNumber }, 'could not signal the upgrade run');
        throw new HttpProblem(
          503,
          'Service Unavailable',
          'the report could not be delivered; please try again',
        );
      }
      res.status(202).json({
        workOrderNumber: woNumber,
        upgradeId: workOrder.upgradeId,
        status: 'ACCEPTED',
        links: { upgrade: `/v1/upgrades/${workOrder.upgradeId}` },
      });
    },
  );

  return router;
}
