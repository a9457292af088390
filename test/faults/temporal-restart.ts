/**
 * Fault: the Temporal server restarts (dev server persisting to SQLite) while runs wait for the
 * technician. Nothing else is restarted: the worker and the API must reconnect by themselves,
 * the runs must still be there (same run IDs), and the technician's report afterwards must
 * complete them.
 */
import { eventually } from '../helpers/http';
import { sleep } from '../helpers/stack';
import {
  DEMO,
  driveToCompletion,
  expectExactlyOnce,
  type Harness,
  retryStats,
  startUpgrade,
  upgrade,
  waitForStatus,
} from './support';

export async function temporalRestart(harness: Harness) {
  const { stack } = harness;
  const runs = [
    upgrade(DEMO.deckB.customerId, DEMO.deckB.target, true, 'temporal-restart'),
    upgrade(DEMO.sem75.customerId, DEMO.sem75.target, true, 'temporal-restart'),
  ];
  for (const u of runs) expect((await startUpgrade(harness, u)).status).toBe(202);
  await waitForStatus(harness, runs, 'AWAITING_ONT_SWAP', 60_000);
  const runIds = await Promise.all(
    runs.map(async (u) => (await harness.temporal.workflow.getHandle(u.upgradeId).describe()).runId),
  );
  const workerPid = stack.component('worker')!.pid;
  const apiPid = stack.component('api')!.pid;

  const stopping = Date.now();
  await stack.stopTemporal();
  const down = Date.now();
  // While the server is away the API says so, and keeps serving what it can.
  const degraded = await harness.api('GET', '/health');
  expect(degraded.body.checks).toEqual({ database: 'ok', temporal: 'unavailable' });
  await sleep(2_000);
  await stack.startTemporal();
  const up = Date.now();

  // The API reconnects by itself...
  await eventually(
    () => harness.api('GET', '/health'),
    (answer) => answer.status === 200,
    30_000,
  );
  const apiBack = Date.now();
  // ...and the runs survived the restart: same executions, still waiting.
  for (const [i, u] of runs.entries()) {
    const description = await harness.temporal.workflow.getHandle(u.upgradeId).describe();
    expect(`${description.runId} ${description.status.name}`).toBe(`${runIds[i]} RUNNING`);
  }

  // The technician reports both swaps; only the worker that was never restarted can finish the runs.
  const signalled = Date.now();
  await driveToCompletion(harness, runs, 90_000);
  const completed = Date.now();
  expect(stack.component('worker')!.pid).toBe(workerPid);
  expect(stack.component('worker')!.running()).toBe(true);
  expect(stack.component('api')!.pid).toBe(apiPid);
  expect(stack.component('api')!.running()).toBe(true);
  expect(stack.component('worker')!.output()).not.toMatch(/worker stopped with an error/);

  const duplicates = await expectExactlyOnce(harness, runs);
  return {
    runs: runs.length,
    serverStopMs: down - stopping,
    serverDownMs: up - down,
    apiHealthyAgainAfterMs: apiBack - up,
    signalToCompletedMs: completed - signalled,
    workerRestarts: 0,
    apiRestarts: 0,
    sameRunIdsAfterRestart: true,
    retries: await retryStats(harness, runs),
    duplicatesFound: duplicates,
  };
}
