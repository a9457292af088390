/**
 * A run acts only on what came through the API (workflows/from-api.ts): with keys of our own, as
 * in production, a worker whose codec refuses plaintext gets messages sent with the `temporal` CLI
 * (plaintext JSON, no codec) as `Unverified` markers. A plaintext `ontReplaced` leaves the run
 * waiting, its workflow task completes (nothing wedged) and the worker logs "refused signal"; a
 * plaintext `bookVisit` update is rejected and leaves no event; the technician's report through our
 * client still completes the run.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SEARCH_ATTRIBUTES } from '../../contracts/search-attributes';
import { ontReplacedSignal, progressQuery, type UpgradeWorkflowInput } from '../../contracts/upgrade';
import { temporalTools } from '../../local/temporal-tools';
import { dataConverterFor } from '../../platform/data-converter';
import { parseKeyring } from '../../platform/encryption-keys';
import { UpgradeWorkflow } from '../../workflows';
import { environmentForFile, runWorkflow, type WorkerSetup } from './environment';
import { fakeActivities, SCENARIO_B_PLAN } from './fake-activities';

const run = promisify(execFile);
// Keys of our own, as production requires: the converter refuses plaintext by itself.
const productionConverter = dataConverterFor(parseKeyring(`prod-1:${randomBytes(32).toString('base64')}`));
const WORK_ORDER = 'WO-21112025-2825387';
const report = {
  workOrderNumber: WORK_ORDER,
  newOntSerial: 'ZTEGD4B71C05',
  newOntModel: 'ZTE F670L',
  band: 'DUAL',
  technician: 'Budi (MISITEL)',
  replacedAt: '2025-11-23T09:00:00.000Z',
} as const;

const env = environmentForFile({
  create: () =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: temporalTools().temporalCli },
        searchAttributes: [...SEARCH_ATTRIBUTES],
      },
      client: { dataConverter: productionConverter },
    }),
});

/** The `temporal` CLI on the test's server: no codec, plaintext JSON input. */
async function cli(...args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout, stderr } = await run(temporalTools().temporalCli, [...args, '--address', env.address]);
    return { ok: true, out: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, out: stdout + stderr };
  }
}

it('a plaintext ontReplaced or bookVisit from the CLI changes nothing and is logged; the API’s report completes the run', async () => {
  const warnings: string[] = [];
  const worker: WorkerSetup = {
    queue: 'unverified',
    activities: fakeActivities(SCENARIO_B_PLAN),
    dataConverter: productionConverter,
    sinks: {
      defaultWorkerLogger: {
        trace: { fn() {} },
        debug: { fn() {} },
        info: { fn() {} },
        warn: { fn: (_info, message) => void warnings.push(String(message)) },
        error: { fn() {} },
      },
    },
  };
  const input: UpgradeWorkflowInput = {
    upgradeId: 'upgrade-21301029-unverified',
    customerId: '21301029',
    targetPackageCode: 'STREAM-200-YEAR',
    idempotencyKey: 'unverified',
    requestedAt: '2025-11-21T06:34:28.000Z',
    ontSwapSla: '3 days',
  };
  await runWorkflow(
    env,
    worker,
    UpgradeWorkflow,
    { workflowId: input.upgradeId, args: [input] },
    async (handle) => {
      const status = async () => (await handle.query(progressQuery)).status;
      for (let i = 0; i < 200 && (await status()) !== 'AWAITING_ONT_SWAP'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await status()).toBe('AWAITING_ONT_SWAP');

      const signalled = await cli(
        'workflow',
        'signal',
        '--workflow-id',
        input.upgradeId,
        '--name',
        'ontReplaced',
        '--input',
        JSON.stringify(report),
      );
      expect(signalled).toEqual({ ok: true, out: expect.any(String) });
      const updated = await cli(
        'workflow',
        'update',
        'execute',
        '--workflow-id',
        input.upgradeId,
        '--name',
        'bookVisit',
        '--input',
        JSON.stringify({ slotStart: '2025-11-24T02:00:00.000Z', bookedBy: 'customer' }),
      );
      expect(updated.ok).toBe(false);
      // The reason is encrypted with the failure (the failure converter); its type is not.
      expect(updated.out).toContain('UnverifiedMessage');

      // The signal's workflow task completed (a query after it answers) and changed nothing.
      for (let i = 0; i < 100 && warnings.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await status()).toBe('AWAITING_ONT_SWAP');
      expect(warnings).toEqual([
        expect.stringContaining('refused signal ontReplaced'),
        expect.stringContaining('refused update bookVisit'),
      ]);
      const events = (await handle.fetchHistory()).events ?? [];
      const kinds = events.map((e) => Object.keys(e).find((k) => k.endsWith('EventAttributes')));
      expect(kinds).toContain('workflowExecutionSignaledEventAttributes');
      expect(kinds).not.toContain('workflowTaskFailedEventAttributes');
      expect(kinds.filter((k) => k?.startsWith('workflowExecutionUpdate'))).toEqual([]);

      // Through our client (encrypted), the same report completes the run.
      await handle.signal(ontReplacedSignal, report);
      expect((await handle.result()).status).toBe('COMPLETED');
    },
  );
}, 120_000);
