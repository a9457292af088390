/**
 * Fault: the email provider fails for a while. The worker sends through Resend (the SDK, its
 * real HTTP requests) to a local stand-in that first cuts connections, then answers 500, and
 * loses the answer of the first message it accepts under each key — the case where only the
 * Idempotency-Key stands between a retry and a second email. No notice may be lost, none sent
 * twice, and every upgrade must still complete.
 */
import type { ResendStandIn } from '../helpers/resend-stand-in';
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

/** The first outage: connections cut, then 500s; it starts with the first email request. */
export const FIRST_OUTAGE = [
  { mode: 'refuse' as const, ms: 2_000 },
  { mode: 'error' as const, ms: 3_500 },
];
/** The second, while the technicians report the swaps: 500s. */
export const SECOND_OUTAGE = [{ mode: 'error' as const, ms: 2_500 }];

export async function emailOutage(harness: Harness, resend: ResendStandIn) {
  const runs = [
    upgrade(DEMO.deckA.customerId, DEMO.deckA.target, false, 'email-outage'),
    upgrade(DEMO.mon100.customerId, DEMO.mon100.target, false, 'email-outage'),
    upgrade(DEMO.deckB.customerId, DEMO.deckB.target, true, 'email-outage'),
    upgrade(DEMO.sem75.customerId, DEMO.sem75.target, true, 'email-outage'),
  ];
  resend.outage(FIRST_OUTAGE);
  resend.loseFirstAnswers(true);
  const started = Date.now();
  for (const u of runs) expect((await startUpgrade(harness, u)).status).toBe(202);
  const swaps = runs.filter((u) => u.swap);
  await waitForStatus(harness, swaps, 'AWAITING_ONT_SWAP', 120_000);
  const firstOutageOver = Date.now();
  resend.outage(SECOND_OUTAGE);
  await driveToCompletion(harness, runs, 120_000);
  const completed = Date.now();

  // Every notice that has an email was delivered once, under its own key; nothing else was.
  const expectedKeys = runs
    .flatMap((u) =>
      (u.swap ? ['BILL_ISSUED', 'ONT_SWAP_SCHEDULED', 'ONT_SWAP_COMPLETED'] : ['BILL_ISSUED']).map(
        (kind) => `${u.upgradeId}:${kind}:EMAIL`,
      ),
    )
    .sort();
  const deliveries = resend.deliveries();
  expect(deliveries.map((d) => d.idempotencyKey).sort()).toEqual(expectedKeys);
  expect(deliveries.every((d) => d.delivered === 1)).toBe(true);
  const perRecipientAndSubject = new Map<string, number>();
  for (const d of deliveries) {
    const key = `${d.to} | ${d.subject}`;
    perRecipientAndSubject.set(key, (perRecipientAndSubject.get(key) ?? 0) + 1);
  }
  expect([...perRecipientAndSubject.values()].every((n) => n === 1)).toBe(true);

  const requests = resend.requests();
  const outcomes: Record<string, number> = {};
  for (const r of requests) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  // The outage was real (every failure mode was met), every key lost its first answer and was
  // retried with the same payload (Resend answers a replay with the first id; another payload: 409).
  expect(requests.every((r) => r.idempotencyKey !== null)).toBe(true);
  expect(outcomes.refused ?? 0).toBeGreaterThan(0);
  expect(outcomes.error ?? 0).toBeGreaterThan(0);
  expect(outcomes['accepted-answer-lost']).toBe(expectedKeys.length);
  expect(outcomes.replayed ?? 0).toBeGreaterThanOrEqual(expectedKeys.length);
  expect(outcomes.conflict ?? 0).toBe(0);
  expect(outcomes.accepted ?? 0).toBe(0);

  // The notification rows carry the provider's id of the one delivery.
  const { rows } = await harness.pg.query<{ key: string; providerId: string | null; delivered: boolean }>(
    `SELECT "idempotencyKey" AS key, "providerId", "deliveredAt" IS NOT NULL AS delivered
     FROM "Notification" WHERE channel = 'EMAIL' AND "upgradeId" = ANY($1) ORDER BY 1`,
    [runs.map((u) => u.upgradeId)],
  );
  expect(rows).toEqual(
    deliveries
      .map((d) => ({ key: d.idempotencyKey, providerId: d.id, delivered: true }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  );

  const duplicates = await expectExactlyOnce(harness, runs);
  const firstRequest = Math.min(...requests.map((r) => r.at));
  const firstDelivery = Math.min(...deliveries.map((d) => d.at));
  return {
    runs: runs.length,
    emailsExpected: expectedKeys.length,
    emailsDelivered: deliveries.length,
    emailsMissing: expectedKeys.filter((k) => !deliveries.some((d) => d.idempotencyKey === k)).length,
    emailsSentTwice: deliveries.filter((d) => d.delivered > 1).length,
    providerRequests: requests.length,
    outcomes,
    firstOutageMs: FIRST_OUTAGE.reduce((sum, p) => sum + p.ms, 0),
    secondOutageMs: SECOND_OUTAGE.reduce((sum, p) => sum + p.ms, 0),
    firstEmailDeliveredAfterFirstRequestMs: firstDelivery - firstRequest,
    swapRunsWaitingAfterMs: firstOutageOver - started,
    allCompletedAfterMs: completed - started,
    retries: await retryStats(harness, runs),
    duplicatesFound: duplicates,
  };
}
