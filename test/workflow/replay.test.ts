import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { LEAN_CORE } from '../../workflows/upgrade';
import { ONE_VISIT_STORY, ONT_VISITS } from '../../workflows/visits';
import { HISTORIES_DIR } from '../helpers/histories';
import { workflowBundle } from '../helpers/temporal';

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
 * it; `v3-*` after the visits revision (booked, moved, missed visits: workflows/visits.ts), the
 * `v3-upgrade-2960*` among them recording the visit race (test/workflow/visit-story.test.ts);
 * `v4-*` after the one-visit-story revision, which tells every booking and miss before the swap.
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
      'v3-upgrade-29600001-story',
      'v3-upgrade-29600002-book-swap',
      'v3-upgrade-29600003-book-move-swap',
      'v3-upgrade-29600004-book-miss-rebook-swap',
      'v3-upgrade-29600005-book-miss-swap',
      'v3-upgrade-29600006-book-move-miss-rebook-swap',
      'v4-upgrade-29600001-story',
      'v4-upgrade-29600002-book-swap',
      'v4-upgrade-29600003-book-move-swap',
      'v4-upgrade-29600004-book-miss-rebook-swap',
      'v4-upgrade-29600005-book-miss-swap',
      'v4-upgrade-29600006-book-move-miss-rebook-swap',
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
      'v3-upgrade-29600001-story',
      'v3-upgrade-29600002-book-swap',
      'v3-upgrade-29600003-book-move-swap',
      'v3-upgrade-29600004-book-miss-rebook-swap',
      'v3-upgrade-29600005-book-miss-swap',
      'v3-upgrade-29600006-book-move-miss-rebook-swap',
      'v4-upgrade-29600001-story',
      'v4-upgrade-29600002-book-swap',
      'v4-upgrade-29600003-book-move-swap',
      'v4-upgrade-29600004-book-miss-rebook-swap',
      'v4-upgrade-29600005-book-miss-swap',
      'v4-upgrade-29600006-book-move-miss-rebook-swap',
    ]);
  });

  it('v4 runs carry the one-visit-story marker; v3 runs (the visit race: bookings and misses left untold) do not', () => {
    const story = upgrades
      .filter(({ history }) => patchesOf(history).includes(ONE_VISIT_STORY))
      .map((h) => h.workflowId);
    expect(story).toEqual(upgrades.map((h) => h.workflowId).filter((id) => id.startsWith('v4-')));
    expect(story).toHaveLength(6);
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
    { workflowBundle: await workflowBundle() },
    recorded,
  )) {
    results.push([result.workflowId, result.error?.message ?? null]);
  }
  return results;
}
