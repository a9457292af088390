/**
 * Upgrades run by the real UpgradeWorkflow, with the activities a test or the bench gives (the
 * real ones, on its database), on the time-skipping test server in this process. Test data and
 * the bench's in-process loop come from the workflow itself: no copy of its steps to keep in step.
 * One server and worker per activities object, opened at the first run and shut down once no run
 * has been in flight for a second (or by `closeUpgradeRuns`), so a script ends by itself.
 */
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import {
  type OntReplacedSignal,
  ontReplacedSignal,
  progressQuery,
  type UpgradeProgress,
  type UpgradeWorkflowInput,
} from '../../contracts/upgrade';
import { createUpgradeWorker } from '../../worker/create-worker';
import { UpgradeWorkflow } from '../../workflows';
import {
  createTimeSkippingEnvironment,
  testDataConverter,
  uniqueTaskQueue,
  workflowSinks,
} from '../helpers/temporal';
import { freshWorkflowBundle } from './harness';

export interface UpgradeRunOptions {
  /** Called once the bill is issued (the benchmark times it). */
  onBill?: () => void;
  /**
   * The technician's report, sent as soon as the maintenance work order exists; absent, a run
   * that needs a swap is left waiting for it (its progress is returned).
   */
  swap?: Omit<OntReplacedSignal, 'workOrderNumber'>;
}

interface Hooks {
  onBill?: () => void;
  onMaintenanceWorkOrder?: (woNumber: string) => void;
}

interface Runs {
  env: TestWorkflowEnvironment;
  /** Not the environment's own client, whose result() skips time: a run waiting for its swap would escalate. */
  client: Client;
  worker: Worker;
  running: Promise<void>;
  taskQueue: string;
  hooks: Map<string, Hooks>;
  inFlight: number;
  idle?: NodeJS.Timeout;
}

const IDLE_MS = 1_000;
const open = new Map<object, Promise<Runs>>();

/**
 * One upgrade, from `input` to its end (or, without `swap`, to its wait for the technician): the
 * progress its `progress` query answers then.
 */
export async function runUpgradeSteps(
  activities: Activities,
  input: UpgradeWorkflowInput,
  options: UpgradeRunOptions = {},
): Promise<UpgradeProgress> {
  const runs = await runsFor(activities);
  runs.inFlight += 1;
  clearTimeout(runs.idle);
  try {
    return await runOne(runs, input, options);
  } finally {
    runs.inFlight -= 1;
    runs.hooks.delete(input.upgradeId);
    if (runs.inFlight === 0) runs.idle = setTimeout(() => void close(activities), IDLE_MS);
  }
}

/** Shuts down every server and worker opened here (a test's afterAll). */
export async function closeUpgradeRuns(): Promise<void> {
  await Promise.all([...open.keys()].map(close));
}

async function runOne(runs: Runs, input: UpgradeWorkflowInput, options: UpgradeRunOptions) {
  const { client, taskQueue, hooks } = runs;
  const maintenanceWorkOrder = new Promise<string>((resolve) =>
    hooks.set(input.upgradeId, { onBill: options.onBill, onMaintenanceWorkOrder: resolve }),
  );
  const handle = await client.workflow.start(UpgradeWorkflow, {
    workflowId: input.upgradeId,
    taskQueue,
    args: [input],
  });
  // A run left waiting for its swap is still long-polled for its result: cut off when we return.
  const polling = new AbortController();
  const ended = client.withAbortSignal(polling.signal, () => handle.result());
  ended.catch(() => undefined);
  try {
    // Whichever comes first: the run's end (scenario A, or a failure) or its wait for the swap.
    const waiting = await Promise.race([ended.then(() => null), maintenanceWorkOrder]);
    if (waiting === null) return await ended;
    if (!options.swap) return await waitForSwapWait(handle);
    await handle.signal(ontReplacedSignal, { ...options.swap, workOrderNumber: waiting });
    return await ended;
  } finally {
    polling.abort();
  }
}

/** The run has opened its maintenance WO; its progress once it says it waits for the technician. */
async function waitForSwapWait(handle: WorkflowHandle<typeof UpgradeWorkflow>): Promise<UpgradeProgress> {
  for (;;) {
    const progress = await handle.query(progressQuery);
    if (progress.status === 'AWAITING_ONT_SWAP') return progress;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function runsFor(activities: Activities): Promise<Runs> {
  let runs = open.get(activities);
  if (!runs) {
    runs = openRuns(activities);
    open.set(activities, runs);
  }
  return runs;
}

async function openRuns(activities: Activities): Promise<Runs> {
  try {
    // Warnings and errors only, as in the workflow tests (test/setup-temporal-runtime.ts).
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Installed already (one Runtime per process).
  }
  // The worker loads the prebuilt bundle (worker/create-worker.ts), rebuilt first if a workflow changed.
  const [env] = await Promise.all([createTimeSkippingEnvironment(), freshWorkflowBundle()]);
  const hooks = new Map<string, Hooks>();
  const taskQueue = uniqueTaskQueue('upgrade-runs');
  const worker = await createUpgradeWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    activities: {
      ...activities,
      issueUpgradeBill: async (request) => {
        const bill = await activities.issueUpgradeBill(request);
        hooks.get(request.upgradeId)?.onBill?.();
        return bill;
      },
      createMaintenanceWorkOrder: async (request) => {
        const workOrder = await activities.createMaintenanceWorkOrder(request);
        hooks.get(request.upgradeId)?.onMaintenanceWorkOrder?.(workOrder.woNumber);
        return workOrder;
      },
    },
    dataConverter: testDataConverter,
    telemetry: { sinks: workflowSinks },
  });
  const client = new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter: testDataConverter,
  });
  return { env, client, worker, running: worker.run(), taskQueue, hooks, inFlight: 0 };
}

async function close(activities: object): Promise<void> {
  const runs = open.get(activities);
  if (!runs) return;
  open.delete(activities);
  const { env, worker, running, idle } = await runs;
  clearTimeout(idle);
  worker.shutdown();
  await running;
  await env.teardown();
}
