/**
 * The histories recorded from real runs at the release baseline (`npm run histories:record`,
 * test/helpers/histories.ts) replay on today's code: a change to what the workflows command that is
 * not patched fails here, before it can break runs waiting for a technician in production
 * (docs/workflow-versioning.md). Every history was recorded with payload encryption (the
 * development key) and replays through the app's data converter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { recordedBeforeBaseline } from '../../local/pre-baseline-runs';
import { FAILURE_CONVERTER_PATH } from '../../platform/data-converter';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../platform/telemetry/temporal';
import { HISTORIES_DIR } from '../helpers/histories';
import { testDataConverter, workflowBundle, workflowSinks } from '../helpers/temporal';

interface RecordedHistory {
  events: Array<{
    workflowExecutionStartedEventAttributes?: { workflowType?: { name?: string } };
    markerRecordedEventAttributes?: { markerName?: string };
  }>;
}

const BASELINE = 'baseline';
/**
 * Recorded after the baseline, each under its own prefix with the helper of
 * test/helpers/histories.ts: runs of a patched change that must go on replaying.
 */
const LATER_RECORDINGS = ['payment-status-checks', 'v2'];

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
const atBaseline = histories.filter((h) => h.workflowId.startsWith(`${BASELINE}-`));
const upgrades = ofType('UpgradeWorkflow');
const baselineUpgrades = upgrades.filter((h) => atBaseline.includes(h));
const laterUpgrades = upgrades.filter((h) => !atBaseline.includes(h));
const bills = ofType('BillPaymentWorkflow');
const baselineBills = bills.filter((h) => atBaseline.includes(h));
const laterBills = bills.filter((h) => !atBaseline.includes(h));

describe('the baseline recordings', () => {
  it('are both deck scenarios, the visit stories and the endings', () => {
    expect(baselineUpgrades.map((h) => h.workflowId)).toEqual(
      [
        'upgrade-21301029-deck-b',
        'upgrade-21314849-deck-a',
        'upgrade-29300001-cancel',
        'upgrade-29300003-refused',
        'upgrade-29300005-reset',
        'upgrade-29500001-visit',
        'upgrade-29600001-story',
        'upgrade-29600002-book-swap',
        'upgrade-29600003-book-move-swap',
        'upgrade-29600004-book-miss-rebook-swap',
        'upgrade-29600005-book-miss-swap',
        'upgrade-29600006-book-move-miss-rebook-swap',
      ].map((id) => `${BASELINE}-${id}`),
    );
  });

  it('are each way a bill ends: reminded then paid, paid first, voided, never paid, and paid on the whole stack', () => {
    const ids = baselineBills.map((h) => h.workflowId);
    const timeSkipped = ['202511712851', '202511712852', '202511712853', '202511712854'].map(
      (code) => `${BASELINE}-bill-${code}`,
    );
    expect(ids.filter((id) => timeSkipped.includes(id))).toEqual(timeSkipped);
    // The whole stack's bill is numbered for the month it ran in.
    expect(ids.filter((id) => !timeSkipped.includes(id))).toEqual([
      expect.stringMatching(/^baseline-bill-\d{12}$/),
    ]);
  });

  it('are all there is: no history of an older revision, none of another workflow', () => {
    expect(histories).toHaveLength(upgrades.length + bills.length);
    const prefixes = [BASELINE, ...LATER_RECORDINGS].map((p) => `${p}-`);
    expect(histories.filter((h) => !prefixes.some((p) => h.workflowId.startsWith(p)))).toEqual([]);
  });

  it('carry no patch marker: at the baseline the workflows have no patch', () => {
    const patched = atBaseline.filter(({ history }) =>
      history.events.some((event) => event.markerRecordedEventAttributes?.markerName === 'core_patch'),
    );
    expect(patched.map((h) => h.workflowId)).toEqual([]);
  });

  it('are not taken for runs from before the baseline (local/pre-baseline-runs.ts, npm start)', () => {
    const flagged = histories.filter(({ history }) => recordedBeforeBaseline(historyFromJSON(history)));
    expect(flagged.map((h) => h.workflowId)).toEqual([]);
  });

  it('hold every payload of ours encrypted; only search attributes, the core’s marker metadata and the trace context are plain', () => {
    expect(plainPayloadsOf(histories)).toEqual([]);
  });
});

describe('today’s code', () => {
  it('replays every UpgradeWorkflow history without a non-determinism error', async () => {
    expect(await replayErrors(await workflowBundle(), upgrades)).toEqual(
      upgrades.map(({ workflowId }) => [workflowId, null]),
    );
  });

  it('replays every BillPaymentWorkflow history without a non-determinism error', async () => {
    expect(await replayErrors(await workflowBundle(), bills)).toEqual(
      bills.map(({ workflowId }) => [workflowId, null]),
    );
  });

  it('replays the runs recorded after the baseline: the payment status checks (patched payment-status-checks)', () => {
    expect(laterBills.map((h) => h.workflowId)).toEqual([
      'payment-status-checks-bill-202511722901',
      'payment-status-checks-bill-202511722902',
    ]);
  });
});

describe('the runs recorded after the baseline', () => {
  it('are the cancel that withdraws an upgrade waiting for its ONT swap (patched cancel-withdraws-upgrade)', () => {
    expect(laterUpgrades.map((h) => h.workflowId)).toEqual(['v2-upgrade-21301029-cancel-withdraw']);
    const [withdraw] = laterUpgrades;
    const patches = withdraw!.history.events.filter(
      (event) => event.markerRecordedEventAttributes?.markerName === 'core_patch',
    );
    expect(patches).toHaveLength(1);
  });
});

describe('a change to the commands (test/workflow/altered-workflows.ts)', () => {
  let altered: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    altered = await bundleWorkflowCode({
      workflowsPath: require.resolve('./altered-workflows'),
      failureConverterPath: FAILURE_CONVERTER_PATH,
      workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
  }, 120_000);

  it('fails the replay of every recorded upgrade when it is not patched', async () => {
    const errors = await replayErrors(altered, upgrades);
    expect(errors.filter(([, error]) => !/nondetermin/i.test(error ?? ''))).toEqual([]);
    expect(errors).toHaveLength(upgrades.length);
  });

  it('replays every recorded bill when it is wrapped in patched()', async () => {
    expect(await replayErrors(altered, baselineBills)).toEqual(
      baselineBills.map(({ workflowId }) => [workflowId, null]),
    );
  });
});

/** Payloads the SDK's core writes itself: a local activity's type and times, a patch's ID. */
const CORE_MARKER_METADATA = new Set(['core_local_activity/data', 'core_patch/patch-data']);
/** The trace context tracing's interceptors carry in headers (IDs, no data of ours; headers skip the codec). */
const TRACE_HEADER = ['header', 'fields', '_tracer-data'];
const isTraceHeader = (at: string[]) => at.slice(-3).join('/') === TRACE_HEADER.join('/');

/** Where a history holds a payload in plaintext that our data converter would have encrypted. */
function plainPayloadsOf(recorded: typeof histories): string[] {
  const plain = new Set<string>();
  const walk = (value: unknown, at: string[], marker?: string) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, at, marker);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const encoding = (value as { metadata?: { encoding?: unknown } }).metadata?.encoding;
    if (typeof encoding === 'string') {
      if (Buffer.from(encoding, 'base64').toString() === 'binary/encrypted') return;
      const detail = at[at.indexOf('details') + 1];
      const allowed =
        at.includes('searchAttributes') ||
        isTraceHeader(at) ||
        (marker && CORE_MARKER_METADATA.has(`${marker}/${detail}`));
      if (!allowed) plain.add(at.join('.'));
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...at, key], marker);
  };
  for (const { workflowId, history } of recorded) {
    for (const event of history.events) {
      walk(event, [workflowId], event.markerRecordedEventAttributes?.markerName);
    }
  }
  return [...plain];
}

async function replayErrors(
  bundle: WorkflowBundleWithSourceMap,
  recorded: typeof histories,
): Promise<Array<[string, string | null]>> {
  const results: Array<[string, string | null]> = [];
  for await (const result of Worker.runReplayHistories(
    // Decoded with the key they were recorded with (the development key).
    { workflowBundle: bundle, dataConverter: testDataConverter, sinks: workflowSinks },
    recorded,
  )) {
    results.push([result.workflowId, result.error?.message ?? null]);
  }
  return results;
}
