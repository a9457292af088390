import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { LEAN_CORE } from '../../workflows/upgrade';
import { ONE_VISIT_STORY, ONT_VISITS } from '../../workflows/visits';
import { HISTORIES_DIR } from '../helpers/histories';
import { testDataConverter, workflowBundle, workflowSinks } from '../helpers/temporal';

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
 * `v3-encrypted-*` the same visits revision with payload encryption (docs/security.md), replayed
 * through the app's data converter with the development key they were recorded with.
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
      'v3-encrypted-upgrade-21301029-deck-b',
      'v3-encrypted-upgrade-21314849-deck-a',
      'v3-encrypted-upgrade-29300001-cancel',
      'v3-encrypted-upgrade-29300003-refused',
      'v3-encrypted-upgrade-29300005-reset',
      'v3-encrypted-upgrade-29500001-visit',
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
      'v5-upgrade-29600001-story',
      'v5-upgrade-29600002-book-swap',
      'v5-upgrade-29600003-book-move-swap',
      'v5-upgrade-29600004-book-miss-rebook-swap',
      'v5-upgrade-29600005-book-miss-swap',
      'v5-upgrade-29600006-book-move-miss-rebook-swap',
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
      'v3-encrypted-upgrade-21301029-deck-b',
      'v3-encrypted-upgrade-29300001-cancel',
      'v3-encrypted-upgrade-29500001-visit',
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
      'v5-upgrade-29600001-story',
      'v5-upgrade-29600002-book-swap',
      'v5-upgrade-29600003-book-move-swap',
      'v5-upgrade-29600004-book-miss-rebook-swap',
      'v5-upgrade-29600005-book-miss-swap',
      'v5-upgrade-29600006-book-move-miss-rebook-swap',
    ]);
  });

  it('v4 and v5 runs carry the one-visit-story marker; v3 runs (the visit race: bookings and misses left untold) do not', () => {
    const story = upgrades
      .filter(({ history }) => patchesOf(history).includes(ONE_VISIT_STORY))
      .map((h) => h.workflowId);
    expect(story).toEqual(upgrades.map((h) => h.workflowId).filter((id) => /^v[45]-/.test(id)));
    expect(story).toHaveLength(12);
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
      'v3-encrypted-bill-202612712857',
    ]);
    expect(histories).toHaveLength(upgrades.length + bills.length);
  });

  it('replays each of them without a non-determinism error', async () => {
    expect(await replayErrors(bills)).toEqual(bills.map(({ workflowId }) => [workflowId, null]));
  });
});

/** Payloads the SDK's core writes itself: the patch's ID, a local activity's type and times. */
const CORE_MARKER_METADATA = new Set(['core_patch/patch-data', 'core_local_activity/data']);

describe('the encrypted histories', () => {
  const encrypted = histories.filter((h) => h.workflowId.startsWith('v3-encrypted-'));

  it('are of each kind of run: both deck scenarios, the endings, a visit, a bill', () => {
    expect(encrypted).toHaveLength(7);
  });

  it('hold every payload of ours encrypted; only search attributes and the core’s marker metadata are plain', () => {
    expect(plainPayloadsOf(encrypted)).toEqual([]);
    // The same look at a history recorded before encryption finds its plaintext inputs and results.
    expect(
      plainPayloadsOf(histories.filter((h) => h.workflowId === 'v3-upgrade-21301029-deck-b')).length,
    ).toBeGreaterThan(5);
  });
});

/** Where a history holds a payload in plaintext that our data converter would have encrypted. */
function plainPayloadsOf(recorded: typeof histories): string[] {
  const plain = new Set<string>();
  const walk = (value: unknown, path: string[], marker?: string) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, path, marker);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const encoding = (value as { metadata?: { encoding?: unknown } }).metadata?.encoding;
    if (typeof encoding === 'string') {
      if (Buffer.from(encoding, 'base64').toString() === 'binary/encrypted') return;
      const detail = path[path.indexOf('details') + 1];
      const allowed =
        path.includes('searchAttributes') || (marker && CORE_MARKER_METADATA.has(`${marker}/${detail}`));
      if (!allowed) plain.add(path.join('.'));
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key], marker);
  };
  for (const { history } of recorded) {
    for (const event of history.events) walk(event, [], event.markerRecordedEventAttributes?.markerName);
  }
  return [...plain];
}

async function replayErrors(recorded: typeof histories): Promise<Array<[string, string | null]>> {
  const results: Array<[string, string | null]> = [];
  for await (const result of Worker.runReplayHistories(
    // Encrypted histories decode with the key they were recorded with (the development key).
    { workflowBundle: await workflowBundle(), dataConverter: testDataConverter, sinks: workflowSinks },
    recorded,
  )) {
    results.push([result.workflowId, result.error?.message ?? null]);
  }
  return results;
}
