/**
 * Fault: the worker process dies (SIGKILL: no drain, activities cut mid-flight) and is started
 * again, over and over. Eight upgrades (four of each scenario, in waves so they are at different
 * steps) run while the harness watches PostgreSQL every ~20 ms and kills the worker when runs
 * stand at activity boundaries no kill has hit yet — right after a side effect landed, often
 * before Temporal heard the activity finished. Each kill is followed by a restart. At the end
 * every run must be COMPLETED with exactly one bill, TT, WO and email each.
 */
import type { Client as PgClient } from 'pg';
import { sleep } from '../helpers/stack';
import {
  addCustomers,
  DEMO,
  driveToCompletion,
  expectExactlyOnce,
  type Harness,
  reportOntSwap,
  requestRows,
  retryStats,
  startUpgrade,
  type Upgrade,
  upgrade,
  waitForStatus,
} from './support';

/** The side effects of a run in the order the workflow makes them: activity (and channel). */
const SCENARIO_A = [
  'acceptUpgradeRequest',
  'issueUpgradeBill',
  'openUpgradeTicket',
  'createUpgradeWorkOrder',
  'switchSubscription',
  'notifyBillIssued[INBOX]',
  'notifyBillIssued[PUSH]',
  'notifyBillIssued[EMAIL]',
];
const SCENARIO_B = [
  ...SCENARIO_A,
  'openChangeOntTicket',
  'createMaintenanceWorkOrder',
  'notifyOntSwapScheduled[INBOX]',
  'notifyOntSwapScheduled[PUSH]',
  'notifyOntSwapScheduled[EMAIL]',
  'completeOntSwap(device)',
  'completeOntSwap(work order)',
  'completeOntSwap(ticket)',
  'notifyOntSwapCompleted[INBOX]',
  'notifyOntSwapCompleted[PUSH]',
  'notifyOntSwapCompleted[EMAIL]',
];
const FINISHED = 'completeUpgrade';
/** Where a run can stand when the worker dies: before its first side effect, or after any but the last. */
export const BOUNDARIES = ['(start)', ...SCENARIO_B];

const NOTICE_ACTIVITY = `CASE kind WHEN 'BILL_ISSUED' THEN 'notifyBillIssued'
  WHEN 'ONT_SWAP_SCHEDULED' THEN 'notifyOntSwapScheduled' ELSE 'notifyOntSwapCompleted' END`;

/** Every side effect each run has made so far, read from the tables the activities write. */
async function sideEffects(pg: PgClient, ids: string[]): Promise<Map<string, Set<string>>> {
  const { rows } = await pg.query<{ u: string; m: string }>(
    `SELECT id AS u, 'acceptUpgradeRequest' AS m FROM "UpgradeRequest" WHERE id = ANY($1) AND plan IS NOT NULL
     UNION ALL SELECT "upgradeId", 'issueUpgradeBill' FROM "Bill" WHERE "upgradeId" = ANY($1)
     UNION ALL SELECT "upgradeId", CASE kind WHEN 'UPGRADE' THEN 'openUpgradeTicket' ELSE 'openChangeOntTicket' END
       FROM "Ticket" WHERE "upgradeId" = ANY($1)
     UNION ALL SELECT "upgradeId", 'completeOntSwap(ticket)' FROM "Ticket"
       WHERE "upgradeId" = ANY($1) AND kind = 'CHANGE_ONT' AND status = 'CLOSED'
     UNION ALL SELECT "upgradeId", CASE type WHEN 'UPGRADE' THEN 'createUpgradeWorkOrder' ELSE 'createMaintenanceWorkOrder' END
       FROM "WorkOrder" WHERE "upgradeId" = ANY($1)
     UNION ALL SELECT "upgradeId", 'completeOntSwap(work order)' FROM "WorkOrder"
       WHERE "upgradeId" = ANY($1) AND type = 'MAINTENANCE' AND status = 'COMPLETED'
     UNION ALL SELECT "upgradeId", 'switchSubscription' FROM "SubscriptionChange" WHERE "upgradeId" = ANY($1)
     UNION ALL SELECT "upgradeId", ${NOTICE_ACTIVITY} || '[' || channel || ']' FROM "Notification"
       WHERE "upgradeId" = ANY($1) AND "deliveredAt" IS NOT NULL
     UNION ALL SELECT "upgradeId", 'completeOntSwap(device)' FROM "OntDevice" WHERE "upgradeId" = ANY($1)
     UNION ALL SELECT id, '${FINISHED}' FROM "UpgradeRequest" WHERE id = ANY($1) AND status = 'COMPLETED'`,
    [ids],
  );
  const reached = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const row of rows) reached.get(row.u)?.add(row.m);
  return reached;
}

/** The last side effect of the run's sequence it has made; null once the run finished. */
function boundaryOf(u: Upgrade, reached: Set<string>): string | null {
  if (reached.has(FINISHED)) return null;
  let last = '(start)';
  for (const effect of u.swap ? SCENARIO_B : SCENARIO_A) if (reached.has(effect)) last = effect;
  return last;
}

export interface Kill {
  kill: number;
  atMs: number;
  /** Each unfinished run: the side effect it had just made when the worker died. */
  at: Record<string, string>;
  restartMs: number;
}

export async function workerKills(harness: Harness, options: { maxKills: number; killPhaseMs: number }) {
  const { stack, pg } = harness;
  await addCustomers(pg, [
    { id: '29200001', packageCode: 'STREAM-75-SEM', band: 'DUAL' },
    { id: '29200002', packageCode: 'STREAM-50-YEAR', band: 'SINGLE', daysIntoTerm: 90 },
    { id: '29200003', packageCode: 'STREAM-100-MON', band: 'DUAL', daysIntoTerm: 2 },
    { id: '29200004', packageCode: 'STREAM-75-SEM', band: 'SINGLE', daysIntoTerm: 45 },
  ]);
  // Three waves, so a kill finds runs in every part of the workflow at once: two scenario-B runs
  // brought to the technician wait beforehand (their swap is reported when the kills begin), four
  // fresh runs, and two more requested while the worker is down after the second kill.
  const waitingWave = [
    upgrade(DEMO.deckB.customerId, DEMO.deckB.target, true, 'kills'),
    upgrade('29200002', 'STREAM-200-YEAR', true, 'kills'),
  ];
  const freshWave = [
    upgrade(DEMO.deckA.customerId, DEMO.deckA.target, false, 'kills'),
    upgrade('29200001', 'STREAM-150-SEM', false, 'kills'),
    upgrade(DEMO.sem75.customerId, DEMO.sem75.target, true, 'kills'),
    upgrade('29200004', 'STREAM-150-YEAR', true, 'kills'),
  ];
  const lateWave = [
    upgrade(DEMO.mon100.customerId, DEMO.mon100.target, false, 'kills'),
    upgrade('29200003', 'STREAM-200-SEM', false, 'kills'),
  ];
  const runs = [...waitingWave, ...freshWave, ...lateWave];
  const ids = runs.map((u) => u.upgradeId);
  let running: Upgrade[] = [];
  const start = async (wave: Upgrade[]) => {
    if (wave.every((u) => running.includes(u))) return;
    const answers = await Promise.all(wave.map((u) => startUpgrade(harness, u)));
    expect(answers.map((a) => a.status)).toEqual(wave.map(() => 202));
    running = [...running, ...wave];
  };

  const reported = new Set<string>();
  const reportSwaps = async () => {
    const rows = await requestRows(pg, ids);
    for (const u of running) {
      const row = rows.get(u.upgradeId);
      if (row?.status === 'FAILED') throw new Error(`${u.upgradeId} FAILED: ${row.failureReason}`);
      if (row?.status === 'AWAITING_ONT_SWAP' && row.maintenanceWorkOrderNo && !reported.has(u.upgradeId)) {
        expect((await reportOntSwap(harness, u, row.maintenanceWorkOrderNo)).status).toBe(202);
        reported.add(u.upgradeId);
      }
    }
  };
  const boundaries = async () => {
    const reached = await sideEffects(pg, ids);
    const at: Record<string, string> = {};
    for (const u of running) {
      const boundary = boundaryOf(u, reached.get(u.upgradeId)!);
      if (boundary) at[u.customerId] = boundary;
    }
    return at;
  };

  await start(waitingWave);
  await waitForStatus(harness, waitingWave, 'AWAITING_ONT_SWAP', 60_000);

  const began = Date.now();
  const hit = new Set<string>();
  const kills: Kill[] = [];
  await start(freshWave);
  await reportSwaps();
  let newSince: number | null = null;
  let workerSince = Date.now();
  while (kills.length < options.maxKills && Date.now() - began < options.killPhaseMs) {
    const at = await boundaries();
    if (Object.keys(at).length === 0) {
      if (running.length === runs.length) break;
      await start(lateWave);
      continue;
    }
    if (BOUNDARIES.every((b) => hit.has(b))) break;
    // Kill when two runs stand at boundaries no kill has hit yet, or one has for 300 ms (so the
    // runs move on between kills, instead of one step each), or at once when it is one only the
    // four scenario-B runs pass. On a loaded machine the runs can slip past every fresh boundary
    // between two looks, so a worker that has lived 2 s with runs unfinished is killed anyway.
    const fresh = new Set(Object.values(at).filter((boundary) => !hit.has(boundary)));
    newSince = fresh.size === 0 ? null : (newSince ?? Date.now());
    const rare = [...fresh].some((boundary) => !SCENARIO_A.includes(boundary) && boundary !== '(start)');
    const overdue = Date.now() - workerSince >= 2_000;
    if (rare || fresh.size >= 2 || (newSince !== null && Date.now() - newSince >= 300) || overdue) {
      await stack.killWorker();
      // Where everyone stood when it died (nothing moves without a worker).
      const stood = await boundaries();
      for (const boundary of Object.values(stood)) hit.add(boundary);
      const atMs = Date.now() - began;
      // Requests keep coming while no worker runs: those runs wait for the next one.
      if (kills.length === 1) await start(lateWave);
      await reportSwaps();
      const restarting = Date.now();
      await stack.startWorker();
      kills.push({ kill: kills.length + 1, atMs, at: stood, restartMs: Date.now() - restarting });
      workerSince = Date.now();
      newSince = null;
      continue;
    }
    await reportSwaps();
    await sleep(20);
  }
  await start(lateWave);
  const killPhaseEnded = Date.now();
  // No more kills: everything must now finish (an activity cut mid-flight is retried once its
  // 30 s start-to-close timeout expires).
  await driveToCompletion(harness, runs, 180_000, reported);
  const completed = Date.now();

  const retries = await retryStats(harness, runs);
  // The kills did hit work in flight: the kill budget spent, or fewer kills already caught runs at
  // every boundary; and Temporal had to time out and retry some of it.
  const everyBoundaryHit = BOUNDARIES.every((boundary) => hit.has(boundary));
  if (!everyBoundaryHit) expect(kills.length).toBeGreaterThanOrEqual(Math.min(options.maxKills, 5));
  expect(Object.keys(retries.retriedActivities).length + retries.workflowTaskTimeouts).toBeGreaterThan(0);
  const duplicates = await expectExactlyOnce(harness, runs);

  const restarts = kills.map((k) => k.restartMs).sort((a, b) => a - b);
  return {
    runs: runs.length,
    kills: kills.length,
    boundariesHit: `${[...hit].length} of ${BOUNDARIES.length}`,
    hit: BOUNDARIES.filter((b) => hit.has(b)),
    notHit: BOUNDARIES.filter((b) => !hit.has(b)),
    killLog: kills.map(
      (k) =>
        `#${k.kill} at ${(k.atMs / 1000).toFixed(1)} s: ${Object.entries(k.at)
          .map(([customer, boundary]) => `${customer} after ${boundary}`)
          .join('; ')} (restart ${(k.restartMs / 1000).toFixed(1)} s)`,
    ),
    workerRestartMs: {
      min: restarts[0],
      median: restarts[Math.floor(restarts.length / 2)],
      max: restarts[restarts.length - 1],
    },
    killPhaseMs: killPhaseEnded - began,
    drainAfterLastKillMs: completed - killPhaseEnded,
    retries,
    duplicatesFound: duplicates,
  };
}
