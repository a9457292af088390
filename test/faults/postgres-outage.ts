/**
 * Fault: PostgreSQL goes away for 30 s while upgrades run and more are being requested.
 * Activities fail and are retried with backoff (database steps are local activities retried in the
 * worker, 1 s doubling, at most 10 s apart; notices are regular ones, at most 1 min apart), and
 * once PostgreSQL is back every run finishes — with nothing written twice by the attempts that
 * failed halfway; requests the API could not take are taken when the customer asks again.
 */
import { ontReplacedSignal } from '../../contracts/upgrade';
import { eventually } from '../helpers/http';
import { sleep } from '../helpers/stack';
import {
  addCustomers,
  DEMO,
  driveToCompletion,
  expectExactlyOnce,
  type Harness,
  reconnectPg,
  reportOntSwap,
  retryStats,
  startUpgrade,
  type Upgrade,
  upgrade,
  waitForStatus,
} from './support';

export const OUTAGE_MS = 30_000;

/** Customers added for this scenario: alternately dual band (scenario A) and single band (B). */
const EXTRA = Array.from({ length: 40 }, (_, i) => ({
  id: `291000${String(i + 1).padStart(2, '0')}`,
  swap: i % 2 === 1,
}));

export async function postgresOutage(harness: Harness) {
  const { stack } = harness;
  await addCustomers(
    harness.pg,
    EXTRA.map((c) => ({
      id: c.id,
      packageCode: c.swap ? 'STREAM-50-YEAR' : 'STREAM-75-SEM',
      band: c.swap ? 'SINGLE' : 'DUAL',
    })),
  );
  // Already waiting for the technician when the outage starts; the report arrives during it.
  const waiting = upgrade(DEMO.deckB.customerId, DEMO.deckB.target, true, 'pg-outage');
  const arriving: Upgrade[] = [
    upgrade(DEMO.deckA.customerId, DEMO.deckA.target, false, 'pg-outage'),
    upgrade(DEMO.sem75.customerId, DEMO.sem75.target, true, 'pg-outage'),
    upgrade(DEMO.mon100.customerId, DEMO.mon100.target, false, 'pg-outage'),
    ...EXTRA.map((c) => upgrade(c.id, c.swap ? 'STREAM-200-YEAR' : 'STREAM-150-SEM', c.swap, 'pg-outage')),
  ];

  expect((await startUpgrade(harness, waiting)).status).toBe(202);
  const rows = await waitForStatus(harness, [waiting], 'AWAITING_ONT_SWAP', 60_000);
  const waitingWorkOrder = rows.get(waiting.upgradeId)!.maintenanceWorkOrderNo!;

  // Customers keep asking for upgrades (two at a time, every 150 ms) while PostgreSQL goes down:
  // whatever the timing, the runs admitted last are in the middle of their activities when it
  // dies. A request the API cannot serve ends that stream (the customer will try again later).
  const answered = new Map<Upgrade, number>();
  const queue = [...arriving];
  let outageStarted = false;
  const stream = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      const status = (await startUpgrade(harness, u).catch(() => ({ status: 0 }))).status;
      answered.set(u, status);
      if (status !== 202 || outageStarted) return;
      await sleep(150);
    }
  };
  const customers = Promise.all([stream(), stream()]);
  await sleep(800);
  const stopping = Date.now();
  await stack.stopPostgres();
  const down = Date.now();
  outageStarted = true;
  // The technician's report reaches the run while PostgreSQL is away (the API cannot check it then,
  // so it is signalled straight to Temporal, as an operator could): recording the swap must wait
  // the outage out. Database steps take ~50 ms, so this is the step sure to be cut by the outage.
  await harness.temporal.workflow.getHandle(waiting.upgradeId).signal(ontReplacedSignal, {
    workOrderNumber: waitingWorkOrder,
    newOntSerial: `DUAL${waiting.customerId}`,
    newOntModel: 'ZTE F670L',
    band: 'DUAL',
    technician: 'Budi',
    replacedAt: new Date().toISOString(),
  });
  await customers;
  const runs = [waiting, ...answered.keys()];
  const refusedDuringOutage = [...answered].filter(([, status]) => status !== 202).map(([u]) => u);

  // The API notices...
  const degraded = await harness.api('GET', '/health');
  expect(degraded.body.checks).toEqual({ database: 'unavailable', temporal: 'ok' });
  // ...and the activities fail and are retried: watch the attempts climb while PostgreSQL is away.
  const attemptsSeen = new Map<string, { activity: string; attempt: number; failure: string }>();
  while (Date.now() - down < OUTAGE_MS) {
    for (const u of runs) {
      const description = await harness.temporal.workflow
        .getHandle(u.upgradeId)
        .describe()
        .catch(() => null);
      for (const pending of description?.raw.pendingActivities ?? []) {
        const attempt = pending.attempt ?? 1;
        if (attempt > (attemptsSeen.get(u.upgradeId)?.attempt ?? 0)) {
          attemptsSeen.set(u.upgradeId, {
            activity: pending.activityType?.name ?? 'unknown',
            attempt,
            failure: pending.lastFailure?.message ?? '',
          });
        }
      }
    }
    await sleep(1_000);
  }
  await stack.startPostgres();
  const up = Date.now();
  await reconnectPg(harness);
  // The customers whose request was refused ask again with the same key: one upgrade each.
  for (const u of refusedDuringOutage) {
    const again = await eventually(
      () => startUpgrade(harness, u),
      (answer) => answer.status === 202,
      30_000,
    );
    expect(again.body.upgradeId).toBe(u.upgradeId);
  }

  await waitForStatus(
    harness,
    runs.filter((u) => !u.swap),
    'COMPLETED',
    90_000,
  );
  const firstRecovered = Date.now();
  await driveToCompletion(harness, runs, 90_000, new Set([waiting.upgradeId]));
  expect((await reportOntSwap(harness, waiting, waitingWorkOrder)).status).toBe(409);
  const allCompleted = Date.now();
  // The outage did hit the runs: steps failed and were retried until PostgreSQL came back. Local
  // activities retry inside the worker (describe() shows no pending activity for them); the
  // history's marker of each says on which attempt it succeeded.
  const retries = await retryStats(harness, runs);
  const regularAttempts = [...attemptsSeen.values()].map((a) => a.attempt);
  expect(Math.max(retries.maxLocalAttempt, ...regularAttempts)).toBeGreaterThanOrEqual(4);

  const duplicates = await expectExactlyOnce(harness, runs);
  return {
    runs: runs.length,
    requestsRefusedDuringOutageThenRetried: refusedDuringOutage.length,
    outageMs: up - stopping,
    postgresStopMs: down - stopping,
    runsRetryingDuringOutage: attemptsSeen.size,
    retryingAtOutageEnd: Object.fromEntries(
      [...attemptsSeen].map(([id, a]) => [
        id,
        `${a.activity} attempt ${a.attempt}: ${a.failure.slice(0, 80)}`,
      ]),
    ),
    scenarioARunsCompletedAfterReturnMs: firstRecovered - up,
    allRunsCompletedAfterReturnMs: allCompleted - up,
    retries,
    duplicatesFound: duplicates,
  };
}
