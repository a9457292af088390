import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Router } from 'express';
import {
  progressQuery,
  UPGRADE_WORKFLOW_TYPE,
  type UpgradeProgress,
  type UpgradeWorkflowInput,
  upgradeWorkflowId,
} from '../../contracts/upgrade';
import { jakartaDateOf, toJakartaIso } from '../../domain';
import { activePromo, dateOnly, toPackageView } from '../../services/catalog';
import {
  admitUpgrade,
  IN_FLIGHT_STATUSES,
  KeyReused,
  UpgradeInFlight,
  withdrawAdmission,
} from '../../services/upgrade-admission';
import { progressFromRow, withLinks } from '../../services/upgrade-views';
import { assertMayRead, customerAccess } from '../access';
import type { ApiDependencies } from '../app';
import { conflict, HttpProblem, notFound, unprocessable } from '../problem';
import {
  CustomerIdParam,
  IdempotencyKey,
  NoQuery,
  Pagination,
  StartUpgradeBody,
  UpgradeIdParam,
} from '../schemas';
import { parseOr400 } from '../validation';
import { refusalToProblem } from './refusals';

export function upgradesRouter({ db, temporal, config, logger }: ApiDependencies): Router {
  const router = Router();

  router.post('/customers/:customerId/upgrades', customerAccess('act'), async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    const headerKey = req.get('Idempotency-Key');
    const idempotencyKey =
      headerKey === undefined
        ? randomUUID()
        : parseOr400(IdempotencyKey, headerKey, 'Idempotency-Key header');
    parseOr400(NoQuery, req.query, 'query');
    const body = parseOr400(StartUpgradeBody, req.body ?? {}, 'body');
    const workflowId = upgradeWorkflowId(customerId, idempotencyKey);

    let admission: Awaited<ReturnType<typeof admitUpgrade>>;
    try {
      admission = await admitUpgrade(db, {
        upgradeId: workflowId,
        customerId,
        idempotencyKey,
        targetPackageCode: body.targetPackageCode,
        requestedAt: new Date(),
      });
    } catch (error) {
      if (error instanceof KeyReused)
        throw unprocessable(error.message, { reason: 'IDEMPOTENCY_KEY_REUSED' });
      if (error instanceof UpgradeInFlight) {
        throw conflict(error.message, { reason: 'UPGRADE_IN_PROGRESS', upgradeId: error.inFlightUpgradeId });
      }
      throw refusalToProblem(error);
    }

    const input: UpgradeWorkflowInput = {
      upgradeId: workflowId,
      customerId,
      targetPackageCode: body.targetPackageCode,
      idempotencyKey,
      requestedAt: admission.row.requestedAt.toISOString(),
      ontSwapSla: config.ontSwapSla,
    };
    try {
      await temporal.workflow.start(UPGRADE_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: config.temporal.taskQueue,
        args: [input],
        // A repeated request (same key) finds the run it started, whether running or closed.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Upgrade ${customerId} to ${body.targetPackageCode}`,
        staticDetails: `Requested ${input.requestedAt} with Idempotency-Key ${idempotencyKey}`,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        if (admission.created) await withdrawAdmission(db, workflowId);
        logger.error({ err: error, workflowId }, 'could not start the upgrade workflow');
        throw new HttpProblem(
          503,
          'Service Unavailable',
          'the upgrade could not be started; please try again',
        );
      }
    }
    // A new run is BILLING by definition; only a repeat needs to ask where its run is.
    const status = admission.created
      ? admission.row.status
      : ((await readProgress(workflowId))?.status ?? admission.row.status);
    res
      .status(202)
      .location(`/v1/upgrades/${workflowId}`)
      .json({
        upgradeId: workflowId,
        workflowId,
        status,
        created: admission.created,
        links: {
          self: `/v1/upgrades/${workflowId}`,
          customerUpgrades: `/v1/customers/${customerId}/upgrades`,
        },
      });
  });

  router.get('/upgrades/:upgradeId', async (req, res) => {
    const upgradeId = parseOr400(UpgradeIdParam, req.params.upgradeId, 'upgradeId');
    parseOr400(NoQuery, req.query, 'query');
    const progress = await readProgress(upgradeId);
    if (!progress) throw notFound(`upgrade ${upgradeId} does not exist`);
    assertMayRead(res, progress.customerId, `upgrade ${upgradeId}`);
    res.json(withLinks(progress));
  });

  router.get('/customers/:customerId/upgrades', customerAccess('read'), async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    const { page, pageSize } = parseOr400(Pagination, req.query, 'query');
    const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw notFound(`customer ${customerId} does not exist`);
    const rows = await db.upgradeRequest.findMany({
      where: { customerId },
      orderBy: { requestedAt: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    res.json({ upgrades: rows.map((row) => withLinks(progressFromRow(row))), page, pageSize });
  });

  router.get('/customers/:customerId/home', customerAccess('read'), async (req, res) => {
    const customerId = parseOr400(CustomerIdParam, req.params.customerId, 'customerId');
    parseOr400(NoQuery, req.query, 'query');
    const customer = await db.customer.findUnique({
      where: { id: customerId },
      include: {
        subscription: { include: { package: { include: { promoFallback: true } } } },
        devices: { where: { status: 'ACTIVE' }, take: 1, orderBy: { installedAt: 'desc' } },
      },
    });
    if (!customer) throw notFound(`customer ${customerId} does not exist`);
    const today = jakartaDateOf(new Date());
    const pending = await db.upgradeRequest.findFirst({
      where: { customerId, status: { in: [...IN_FLIGHT_STATUSES] } },
      orderBy: { requestedAt: 'desc' },
    });
    const pendingProgress = pending ? await readProgress(pending.id) : null;
    const visit = pending?.maintenanceWorkOrderNo
      ? await db.workOrder.findUnique({ where: { woNumber: pending.maintenanceWorkOrderNo } })
      : null;
    const unreadInbox = await db.notification.count({
      where: { customerId, channel: 'INBOX', readAt: null },
    });
    const subscription = customer.subscription;
    const device = customer.devices[0];
    res.json({
      customerId,
      customerName: customer.name,
      package: subscription ? toPackageView(subscription.package, today) : null,
      period: subscription
        ? { start: dateOnly(subscription.periodStart), end: dateOnly(subscription.periodEnd) }
        : null,
      promo: subscription ? activePromo(subscription.package, today) : null,
      device: device ? { serial: device.serial, model: device.model, band: device.band } : null,
      pendingUpgrade: pendingProgress ? withLinks(pendingProgress) : null,
      technicianVisit: visit
        ? {
            workOrderNumber: visit.woNumber,
            status: visit.status,
            vendor: visit.vendor,
            address: visit.address,
            requestedAt: toJakartaIso(visit.createdAt),
            message:
              'Teknisi kami akan menghubungi kamu untuk menjadwalkan penggantian perangkat ONT tanpa biaya tambahan.',
          }
        : null,
      unreadInbox,
    });
  });

  /** From the running workflow while it runs (fresh), from the database once closed. */
  async function readProgress(upgradeId: string): Promise<UpgradeProgress | null> {
    const row = await db.upgradeRequest.findUnique({ where: { id: upgradeId } });
    if (row && !(IN_FLIGHT_STATUSES as readonly string[]).includes(row.status)) return progressFromRow(row);
    try {
      // A query needs a worker; with none polling it would hang, so the database answers instead.
      return await withDeadline(temporal.workflow.getHandle(upgradeId).query(progressQuery), 3_000);
    } catch (error) {
      if (!row) return null;
      logger.warn({ err: error, upgradeId }, 'progress query failed; answering from the database');
      return progressFromRow(row);
    }
  }

  return router;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
