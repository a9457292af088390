/**
 * Fault: the Selfcare app (or a flaky network) repeats the upgrade request. 20 concurrent
 * identical requests (same Idempotency-Key) must make one run, one bill, one of each ticket, WO
 * and email; 20 concurrent requests with different keys for one customer must admit one upgrade
 * and refuse the rest with 409. The technician's report is tapped 5 times at once as well.
 */
import { isDeepStrictEqual } from 'node:util';
import { eventually } from '../helpers/http';
import {
  DEMO,
  driveToCompletion,
  duplicatesTheLedgerSees,
  expectExactlyOnce,
  type Harness,
  type Json,
  reportOntSwap,
  requestRows,
  startUpgrade,
  type Upgrade,
  upgrade,
  waitForStatus,
} from './support';

export async function duplicateRequests(harness: Harness) {
  const started = Date.now();
  const sameKeyA = upgrade(DEMO.deckA.customerId, DEMO.deckA.target, false, 'same-key');
  const sameKeyB = upgrade(DEMO.deckB.customerId, DEMO.deckB.target, true, 'same-key');
  const otherKeys = Array.from({ length: 20 }, (_, i) =>
    upgrade(DEMO.sem75.customerId, DEMO.sem75.target, true, `other-key-${i}`),
  );

  // 60 requests at once: 20 × same key (A), 20 × same key (B), 20 different keys (one customer).
  const [answersA, answersB, answersOther] = await Promise.all([
    Promise.all(Array.from({ length: 20 }, () => startUpgrade(harness, sameKeyA))),
    Promise.all(Array.from({ length: 20 }, () => startUpgrade(harness, sameKeyB))),
    Promise.all(otherKeys.map((u) => startUpgrade(harness, u))),
  ]);

  for (const [answers, u] of [
    [answersA, sameKeyA],
    [answersB, sameKeyB],
  ] as const) {
    expect(answers.map((a) => `${a.status} ${a.body.upgradeId}`)).toEqual(
      Array(20).fill(`202 ${u.upgradeId}`),
    );
    // The database decided: exactly one of the twenty created the request.
    expect(answers.filter((a) => a.body.created === true)).toHaveLength(1);
  }
  const admitted = answersOther.filter((a) => a.status === 202);
  expect(admitted).toHaveLength(1);
  const winner = otherKeys.find((u) => u.upgradeId === admitted[0]!.body.upgradeId)!;
  const refused = answersOther.filter((a) => a.status === 409);
  expect(refused).toHaveLength(19);
  expect(new Set(refused.map((a) => `${a.body.reason} ${a.body.upgradeId}`))).toEqual(
    new Set([`UPGRADE_IN_PROGRESS ${winner.upgradeId}`]),
  );

  const runs: Upgrade[] = [sameKeyA, sameKeyB, winner];
  // The refused keys left nothing: no request row, no workflow.
  const rows = await requestRows(
    harness.pg,
    otherKeys.map((u) => u.upgradeId),
  );
  expect([...rows.keys()]).toEqual([winner.upgradeId]);

  // The technician double-taps: five reports of the same swap at once, for each scenario-B run.
  const waiting = await waitForStatus(harness, [sameKeyB, winner], 'AWAITING_ONT_SWAP', 60_000);
  const taps = await Promise.all(
    [sameKeyB, winner].flatMap((u) =>
      Array.from({ length: 5 }, () =>
        reportOntSwap(harness, u, waiting.get(u.upgradeId)!.maintenanceWorkOrderNo!),
      ),
    ),
  );
  expect(taps.every((t) => t.status === 202 || t.status === 409)).toBe(true);
  await driveToCompletion(harness, runs, 60_000, new Set([sameKeyB.upgradeId, winner.upgradeId]));

  // One Temporal execution per customer: the 19 refused and the 38 repeats started nothing.
  const listExecutions = async () => {
    const found: Record<string, string[]> = {};
    for (const customerId of [sameKeyA.customerId, sameKeyB.customerId, winner.customerId]) {
      found[customerId] = [];
      for await (const run of harness.temporal.workflow.list({ query: `CustomerId = "${customerId}"` })) {
        found[customerId].push(`${run.workflowId} ${run.status.name}`);
      }
    }
    return found;
  };
  const expectedExecutions = {
    [sameKeyA.customerId]: [`${sameKeyA.upgradeId} COMPLETED`],
    [sameKeyB.customerId]: [`${sameKeyB.upgradeId} COMPLETED`],
    [winner.customerId]: [`${winner.upgradeId} COMPLETED`],
  };
  const executions = await eventually(listExecutions, (found) =>
    isDeepStrictEqual(found, expectedExecutions),
  ).catch(listExecutions);
  expect(executions).toEqual(expectedExecutions);

  const duplicates = await expectExactlyOnce(harness, runs);
  // ...and would have seen duplicates had there been any (injected, then rolled back).
  const injected = await duplicatesTheLedgerSees(harness, sameKeyA);
  expect(injected).toBe(4);
  expect(await expectExactlyOnce(harness, runs)).toBe(0);
  return {
    requests: 60,
    sameKeyRequests: { [sameKeyA.upgradeId]: 20, [sameKeyB.upgradeId]: 20 },
    sameKeyCreated: answersA.concat(answersB).filter((a: Json) => a.body.created).length,
    differentKeys: { accepted: admitted.length, refused409: refused.length },
    technicianTaps: { sent: taps.length, accepted: taps.filter((t) => t.status === 202).length },
    runs: runs.length,
    temporalExecutions: Object.values(executions).flat().length,
    duplicatesFound: duplicates,
    ledgerSelfTest: `4 duplicates injected (rolled back), ${injected} seen`,
    durationMs: Date.now() - started,
  };
}
