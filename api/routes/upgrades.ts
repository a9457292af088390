import { randomUUID } from 'node:crypto';
import {
  IdempotencyKey,
  Pagination,
  pageWindow,
  QuoteBody,
  StartUpgradeBody,
} from '../../contracts/requests';
import { explainQuote } from '../../domain/billing';
import { notFound } from '../../platform/http/problem';
import { toQuoteView } from '../../services/bills';
import { customerUpgrades, upgradeOptionsView } from '../../services/customers';
import { assertEligible, loadUpgradeContext, quoteFor } from '../../services/upgrade-quote';
import { startUpgrade } from '../../services/upgrade-start';
import { loadUpgradeView } from '../../services/upgrade-views';
import { assertMayRead } from '../access';
import { ok, operationsOf, problem, refusals } from '../operation';
import { upgradeView, upgradeViews } from '../upgrade-view';

const operation = operationsOf('Upgrades');

export const UPGRADES = [
  operation({
    operationId: 'listUpgradeOptions',
    route: 'GET /v1/customers/{customerId}/upgrade-options',
    summary: 'Packages the customer may upgrade to (View List Package)',
    description:
      'The current package and the active packages strictly faster with a term at least as long (any product line), by speed, then term, then Stream before Stream+.',
    access: 'customer-read',
    responses: { 200: ok('the options', 'UpgradeOptions'), ...refusals('NO_SUBSCRIPTION') },
    handler: async ({ params }, { db }) => upgradeOptionsView(db, params.customerId),
  }),
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
      200: ok('the quote, its credit and rounding explained', 'UpgradeQuoteView'),
      ...refusals('UNKNOWN_CUSTOMER', 'UNKNOWN_PACKAGE', 'NO_ACTIVE_SUBSCRIPTION', 'NOT_ELIGIBLE'),
    },
    handler: async ({ params, body }, { db }) => {
      const context = await loadUpgradeContext(db, params.customerId, body.targetPackageCode);
      assertEligible(context);
      const quote = quoteFor(context, new Date());
      return { ...toQuoteView(quote), ...explainQuote(quote, context.subscription.package) };
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
        headers: { Location: { description: '/v1/upgrades/{upgradeId}', required: true } },
        links: {
          GetUpgrade: {
            operationId: 'getUpgrade',
            parameters: { upgradeId: '$response.body#/upgradeId' },
            description: 'the upgrade just started',
          },
        },
      },
      ...refusals(
        'UNKNOWN_CUSTOMER',
        'UPGRADE_IN_PROGRESS',
        'UNKNOWN_PACKAGE',
        'NO_ACTIVE_SUBSCRIPTION',
        'NOT_ELIGIBLE',
        'IDEMPOTENCY_KEY_REUSED',
      ),
      503: problem('Temporal could not start the run; nothing was kept, try again'),
    },
    handler: async ({ params: { customerId }, headers, body, res }, { db, temporal, config }) => {
      const { taskQueue } = config.temporal;
      const accepted = await startUpgrade(
        { db, temporal, taskQueue, ontSwapSla: config.ontSwapSla },
        { customerId, idempotencyKey: headers['Idempotency-Key'] ?? randomUUID(), ...body },
      );
      res.status(202).location(accepted.links.self);
      return accepted;
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
      const rows = await customerUpgrades(db, customerId, pageWindow({ page, pageSize }));
      return { upgrades: await upgradeViews(db, rows), page, pageSize };
    },
  }),
];
