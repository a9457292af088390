import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { LEAN_CORE } from '../../workflows/upgrade';
import { ONT_VISITS } from '../../workflows/visits';
import { HISTORIES_DIR } from '../helpers/histories';
import { workflowBundle, workflowSinks } from '../helpers/temporal';

interface RecordedHistory {
  events: Array<{
    workflowExecutionStartedEventAttributes?: { workflowType?: { name?: string } };
    markerRecordedEventAttributes?: {
      markerName?: string;
      details?: Record<string, { payloads?: Array<{ data?: string }> }>;
    };
  }>;
}

const histories = fs
  .readdirSync(HISTORIES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    workflowId: file.replace(/\.json$/, ''),
    history: JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) as RecordedHistory,
  }));
const ofType = (type: string) =>
  histories.filter(
    (h) => h.history.events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name === type,
  );
const upgrades = ofType('UpgradeWorkflow');
const bills = ofType('BillPaymentWorkflow');

/** The patches a run recorded: `patched()` leaves a marker whose data names the patch ID. */
function patchesOf(history: RecordedHistory): string[] {
  return history.events
    .map((event) => event.markerRecordedEventAttributes)
    .filter((marker) => marker?.markerName === 'core_patch')
    .map((marker) => marker?.details?.['patch-data']?.payloads?.[0]?.data ?? '')
    .map((data) => (JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { id: string }).id);
}

/**
 * Histories recorded from real runs (test/helpers/histories.ts) under each revision of the
 * workflow replay against today's code: a change that is not deterministic fails here, before it
 * can break runs that are waiting for a technician in production. `v1-*` were recorded before the
 * lean-core revision (one regular activity per step) and must take the frozen path; `v2-*` after
 * it; `v3-*` after the visits revision (booked, moved, missed visits: workflows/visits.ts).
 */
describe('UpgradeWorkflow replays recorded histories', () => {
  it('has histories of both deck scenarios from before and after the lean-core revision, and endings', () => {
    expect(upgrades.map((h) => h.workflowId)).toEqual([
      'v1-upgrade-21301029-deck-b',
      'v1-upgrade-21314849-deck-a',
      'v2-upgrade-21301029-deck-b',
      'v2-upgrade-21314849-deck-a',
      'v2-upgrade-29300001-cancel',
      'v2-upgrade-29300003-refused',
      'v2-upgrade-29300005-reset',
      'v3-upgrade-21301029-deck-b',
      'v3-upgrade-21314849-deck-a',
      'v3-upgrade-29300001-cancel',
      'v3-upgrade-29300003-refused',
      'v3-upgrade-29300005-reset',
      'v3-upgrade-29500001-visit',
    ]);
  });

  it('v1 runs carry no lean-core marker (they replay on workflows/legacy), v2 and v3 runs carry it', () => {
    for (const { workflowId, history } of upgrades) {
      const marked = patchesOf(history).includes(LEAN_CORE);
      expect([workflowId, marked]).toEqual([workflowId, !workflowId.startsWith('v1-')]);
    }
  });

  it('v3 runs that reached the ONT swap carry the visits marker; v2 runs waited on the swap signal alone', () => {
    const visits = upgrades
      .filter(({ history }) => patchesOf(history).includes(ONT_VISITS))
      .map((h) => h.workflowId);
    expect(visits).toEqual([
      'v3-upgrade-21301029-deck-b',
      'v3-upgrade-29300001-cancel',
      'v3-upgrade-29500001-visit',
    ]);
  });

  it('replays each of them without a non-determinism error', async () => {
    expect(await replayErrors(upgrades)).toEqual(upgrades.map(({ workflowId }) => [workflowId, null]));
  });
});

/**
 * BillPaymentWorkflow's `v1-*` (recorded when it was new, after its start was delayed until the
 * reminder): reminded then paid, paid before the reminder, voided, never paid (time-skipping, fake
 * activities), and paid on the real stack with the delayed start.
 */
describe('BillPaymentWorkflow replays recorded histories', () => {
  it('has the histories of each way a bill ends', () => {
    expect(bills.map((h) => h.workflowId)).toEqual([
      'v1-bill-202511712851',
      'v1-bill-202511712852',
      'v1-bill-202511712853',
      'v1-bill-202511712854',
      'v1-bill-202611712857',
    ]);
    expect(histories).toHaveLength(upgrades.length + bills.length);
  });

  it('replays each of them without a non-determinism error', async () => {
    expect(await replayErrors(bills)).toEqual(bills.map(({ workflowId }) => [workflowId, null]));
  });
});

async function replayErrors(recorded: typeof histories): Promise<Array<[string, string | null]>> {
  const results: Array<[string, string | null]> = [];
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: await workflowBundle(), sinks: workflowSinks },
    recorded,
  )) {
    results.push([result.workflowId, result.error?.message ?? null]);
  }
  return results;
}
