/**
 * The in-process baseline (no HTTP, no dev server, no worker process): the same activity functions
 * (createActivities, with the outbox email transport and the local push gateway, as
 * worker/start-worker.ts wires them) run by the real UpgradeWorkflow on Temporal's time-skipping test
 * server in this process (test/support/upgrade-runs.ts), against the same database. Admission
 * (what the API does before it starts a workflow) is included, so the difference to the HTTP runs
 * is the API round trip, the dev server and the worker process. Scenario B's technician report is
 * sent as soon as the maintenance work order exists.
 */
import { createActivities } from '../../activities';
import type { UpgradeWorkflowInput } from '../../contracts/upgrade';
import { statementLink } from '../../platform/auth';
import { EMAIL_FROM_DEFAULT } from '../../platform/config';
import type { Database } from '../../platform/database';
import { createLogger } from '../../platform/logger';
import { createEmailTransport } from '../../platform/notifications/email-transport';
import { createPushGateway } from '../../platform/notifications/push-gateway';
import { admitUpgrade } from '../../services/upgrade-admission';
import { runUpgradeSteps } from '../../test/support/upgrade-runs';
import type { BenchCustomer } from './customers';
import type { DriveResult, UpgradeTiming } from './drive';
import { BENCH_STATEMENT_LINK_SECRET } from './tokens';

export function plainActivities(db: Database, publicBaseUrl: string) {
  return createActivities({
    db,
    logger: createLogger('silent'),
    email: createEmailTransport({ from: EMAIL_FROM_DEFAULT }, db),
    push: createPushGateway(db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: (bill) =>
      statementLink(publicBaseUrl, { secret: BENCH_STATEMENT_LINK_SECRET, marginDays: 30 }, bill),
  });
}

type Activities = ReturnType<typeof plainActivities>;

/** One upgrade, every activity in the workflow's order; returns ms to the bill and to the end. */
export async function plainUpgrade(
  db: Database,
  act: Activities,
  customer: BenchCustomer,
  tag: string,
): Promise<{ billMs: number; completeMs: number }> {
  const started = performance.now();
  const upgradeId = `upgrade-${customer.id}-plain-${tag}`;
  const { row } = await admitUpgrade(db, {
    upgradeId,
    customerId: customer.id,
    idempotencyKey: `plain-${tag}`,
    targetPackageCode: customer.targetPackageCode,
    requestedAt: new Date(),
  });
  const input: UpgradeWorkflowInput = {
    upgradeId,
    customerId: customer.id,
    targetPackageCode: customer.targetPackageCode,
    idempotencyKey: `plain-${tag}`,
    requestedAt: row.requestedAt.toISOString(),
  };
  let billMs = 0;
  await runUpgradeSteps(act, input, {
    onBill: () => {
      billMs = performance.now() - started;
    },
    swap: immediateSwap(`BENCHPLN${customer.id}`),
  });
  return { billMs, completeMs: performance.now() - started };
}

/** The technician's report, taken as made the moment the run would wait for it. */
export function immediateSwap(newOntSerial: string) {
  return {
    newOntSerial,
    newOntModel: 'ZTE F670L',
    band: 'DUAL' as const,
    technician: null,
    replacedAt: new Date().toISOString(),
  };
}

/** The plain loop at a concurrency: `concurrency` loops share the customers. */
export async function runPlain(options: {
  db: Database;
  act: Activities;
  customers: BenchCustomer[];
  concurrency: number;
  tag: string;
}): Promise<DriveResult> {
  const { db, act, customers, concurrency, tag } = options;
  const timings: UpgradeTiming[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = Date.now();
  const loop = async () => {
    for (let i = next++; i < customers.length; i = next++) {
      const customer = customers[i]!;
      const postedAt = Date.now();
      try {
        const { billMs, completeMs } = await plainUpgrade(db, act, customer, tag);
        timings.push({
          customerId: customer.id,
          scenario: customer.scenario,
          upgradeId: `upgrade-${customer.id}-plain-${tag}`,
          postedAt,
          postMs: 0,
          billMs,
          completeMs,
          technicianDelayMs: null,
          completedAt: Date.now(),
        });
      } catch (error) {
        failures.push(`${customer.id}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, customers.length) }, loop));
  return { concurrency, timings, failures, wallSeconds: (Date.now() - started) / 1000 };
}
