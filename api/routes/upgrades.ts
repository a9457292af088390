import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  IN_FLIGHT_STATUSES,
  UPGRADE_WORKFLOW_TYPE,
  type UpgradeWorkflowInput,
  upgradeWorkflowId,
} from '../../contracts/upgrade';
import { traceMemo } from '../../platform/telemetry/run-trace';
import { settleIfAbandoned } from '../../services/abandoned-upgrades';
import { toQuoteView } from '../../services/bills';
import { admitUpgrade, UpgradeInFlight, withdrawAdmission } from '../../services/upgrade-admission';
import { assertEligible, loadUpgradeContext, quoteFor } from '../../services/upgrade-quote';
import { loadUpgradeView } from '../../services/upgrade-views';
import { assertMayRead } from '../access';
import { ok, operationsOf, problem } from '../operation';
import { HttpProblem, notFound } from '../problem';
import { IdempotencyKey, Pagination, pageWindow, QuoteBody, StartUpgradeBody } from '../schemas';
import { upgradeView } from '../upgrade-view';
import { requireCustomer } from './customers';
import { refusalToProblem } from './refusals';
import { listUpgrades } from './upgrade-reads';

const RATE_LIMIT = {
  RateLimit: { description: 'remaining upgrade requests in the window (IETF draft 8)' },
  'RateLimit-Policy': { description: 'the limit: a handful of upgrade requests per customer per minute' },
};
const operation = operationsOf('Upgrades');

export const UPGRADES = [
  operation({
    operationId: 'quoteUpgrade',
    route: 'POST /v1/customers/{customerId}/upgrade-quotes',
    summary: 'The bill an upgrade today would issue',
    description:
      'The confirm screen: the prorated bill, computed exactly as the upgrade will issue it. Changes nothing.',
    access: 'customer-act',
    body: {
      name: 'UpgradeQuoteRequest',
      schema: QuoteBody,
      example: { targetPackageCode: 'STREAM-150-SEM' },
    },
    responses: {
      200: ok('the quote', 'BillQuoteView'),
      422: problem('unknown target package (UNKNOWN_PACKAGE), no active subscription, or not eligible'),
    },
    handler: async ({ params, body }, { db }) => {
      try {
        const context = await loadUpgradeContext(db, params.customerId, body.targetPackageCode);
        assertEligible(context);
        return toQuoteView(quoteFor(context, new Date()));
      } catch (error) {
        throw refusalToProblem(error);
      }
    },
  }),
  operation({
    operationId: 'startUpgrade',
    route: 'POST /v1/customers/{customerId}/upgrades',
    summary: 'Upgrade the package (starts the UpgradeWorkflow)',
    description:
      'Admits the request and starts its workflow; answers at once. Repeating a request with the same ' +
      'Idempotency-Key finds the same upgrade (`created: false`). Rate-limited per customer.',
    access: 'customer-act',
    headers: {
      'Idempotency-Key': {
        schema: IdempotencyKey,
        description: 'makes retries safe; a UUID is used when absent',
        example: 'demo-1',
      },
    },
    body: {
      name: 'StartUpgradeRequest',
      schema: StartUpgradeBody,
      example: { targetPackageCode: 'STREAM-150-SEM' },
    },
    responses: {
      202: {
        description: 'accepted: the upgrade runs; follow it at `Location`',
        body: 'UpgradeAccepted',
        headers: { Location: { description: '/v1/upgrades/{upgradeId}', required: true }, ...RATE_LIMIT },
        links: {
          GetUpgrade: {
            operationId: 'getUpgrade',
            parameters: { upgradeId: '$response.body#/upgradeId' },
            description: 'the upgrade just started',
          },
        },
      },
      409: problem('another upgrade of this customer is in flight (UPGRADE_IN_PROGRESS, with its upgradeId)'),
      422: problem(
        'unknown target package, no active subscription, not eligible, or the Idempotency-Key was used for another target',
      ),
      429: {
        description: 'too many upgrade requests for this customer; try again in a minute',
        body: 'Problem',
        headers: { 'Retry-After': { description: 'seconds to wait' }, ...RATE_LIMIT },
      },
      503: problem('Temporal could not start the run; nothing was kept, try again'),
    },
    handler: async ({ params: { customerId }, headers, body, res }, deps) => {
      const { db, temporal, config, logger } = deps;
      const idempotencyKey = headers['Idempotency-Key'] ?? randomUUID();
      const workflowId = upgradeWorkflowId(customerId, idempotencyKey);
      const { targetPackageCode } = body;
      const request = { upgradeId: workflowId, customerId, idempotencyKey, targetPackageCode };
      const admission = await admitUpgrade(db, { ...request, requestedAt: new Date() })
        .catch(async (error) => {
          // "In flight" in our database, but is its run still running? If not, settle it, once.
          const taskQueue = config.temporal.taskQueue;
          if (
            !(
              error instanceof UpgradeInFlight &&
              (await settleIfAbandoned({ db, temporal, taskQueue }, error.inFlightUpgradeId))
            )
          )
            throw error;
          return admitUpgrade(db, { ...request, requestedAt: new Date() });
        })
        .catch((error) => {
          throw refusalToProblem(error);
        });
      const settled = !(IN_FLIGHT_STATUSES as readonly string[]).includes(admission.row.status);

      const input: UpgradeWorkflowInput = {
        upgradeId: workflowId,
        customerId,
        targetPackageCode,
        idempotencyKey,
        requestedAt: admission.row.requestedAt.toISOString(),
        ontSwapSla: config.ontSwapSla,
      };
      try {
        // A repeat of a request already settled (e.g. its run never started) starts nothing.
        if (!settled)
          await temporal.workflow.start(UPGRADE_WORKFLOW_TYPE, {
            workflowId,
            taskQueue: config.temporal.taskQueue,
            args: [input],
            // A repeated request (same key) finds the run it started, whether running or closed.
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            staticSummary: `Upgrade ${customerId} to ${targetPackageCode}`,
            staticDetails: `Requested ${input.requestedAt} with Idempotency-Key ${idempotencyKey}`,
            // The request's trace, for the technician's report and the payment to join later.
            ...traceMemo(),
          });
      } catch (error) {
        // A timeout may hide a start that happened: ask before undoing the admission.
        const started =
          error instanceof WorkflowExecutionAlreadyStartedError ||
          (await temporal.workflow
            .getHandle(workflowId)
            .describe()
            .then(
              () => true,
              () => false,
            ));
        if (!started) {
          if (admission.created) await withdrawAdmission(db, workflowId);
          logger.error({ err: error, workflowId }, 'could not start the upgrade workflow');
          throw new HttpProblem(
            503,
            'Service Unavailable',
            'the upgrade could not be started; please try again',
          );
        }
      }
      const status = admission.row.status;
      res.status(202).location(`/v1/upgrades/${workflowId}`);
      return {
        upgradeId: workflowId,
        workflowId,
        status,
        created: admission.created,
        links: {
          self: `/v1/upgrades/${workflowId}`,
          customerUpgrades: `/v1/customers/${customerId}/upgrades`,
        },
      };
    },
  }),
  operation({
    operationId: 'getUpgrade',
    route: 'GET /v1/upgrades/{upgradeId}',
    summary: 'Progress of an upgrade',
    description:
      'From the database, where every step records its fact as it happens (the same answer while the run runs and after it closed).',
    access: 'resource-read',
    responses: { 200: ok('the progress', 'UpgradeView') },
    handler: async ({ params: { upgradeId }, res }, deps) => {
      const progress = await loadUpgradeView(deps.db, upgradeId);
      if (!progress) throw notFound(`upgrade ${upgradeId} does not exist`);
      assertMayRead(res, progress.customerId, `upgrade ${upgradeId}`);
      return upgradeView(progress);
    },
  }),
  operation({
    operationId: 'listCustomerUpgrades',
    route: 'GET /v1/customers/{customerId}/upgrades',
    summary: 'The customer’s upgrades',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    query: Pagination,
    responses: { 200: ok('one page of upgrades', 'UpgradePage') },
    handler: async ({ params: { customerId }, query: { page, pageSize } }, { db }) => {
      await requireCustomer(db, customerId);
      const rows = await db.upgradeRequest.findMany({
        where: { customerId },
        orderBy: { requestedAt: 'desc' },
        ...pageWindow({ page, pageSize }),
      });
      return { upgrades: await listUpgrades(db, rows), page, pageSize };
    },
  }),
];
