import fs from 'node:fs';
import path from 'node:path';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../activities';
import type { ReconcileActivities } from '../activities/reconcile';

export const WORKFLOWS_PATH = require.resolve(path.join(__dirname, '..', 'workflows'));

/**
 * The workflow bundle `npm run setup` builds (scripts/build-workflow-bundle.ts), git-ignored: the
 * worker loads it instead of webpacking the workflow code at every start (docs/benchmarks.md).
 */
export const WORKFLOW_BUNDLE_PATH = path.join(__dirname, '..', '.build', 'workflow-bundle.js');

/**
 * The worker's tuning, measured with `npm run bench` and a tuning script since removed (docs/benchmarks.md);
 * the bench's ceiling worker (scripts/bench/ceiling-worker.ts) runs with the same. Anything not set
 * is the SDK's default: slots and pollers stay there, as no other setting measurably helped.
 *
 * The workflow cache is bounded. By default the SDK sizes it from the heap limit (~2 300 runs
 * here), and a scenario-B run sits in it for as long as it waits for the technician (days): with
 * 300 runs waiting the worker's RSS grew 322 MiB with the default cache and 229 MiB with 100
 * (201 MiB with 50). 100 is four times the runs in flight at c=25 and above the 40 workflow-task
 * slots (the cache may not be smaller); a waiting run that was evicted replays its short history
 * when the technician's report arrives.
 */
export const WORKER_TUNING_OPTIONS = {
  maxCachedWorkflows: 100,
  // A run's next workflow task waits this long on the queue of the worker that last ran it
  // before any worker may take it. When that worker died (SIGKILL, lost machine), 5 s instead of
  // the SDK's 10 s is what the run loses; a live worker takes its sticky tasks in milliseconds.
  stickyQueueScheduleToStartTimeout: '5 seconds',
} satisfies Partial<WorkerOptions>;

/** Worker settings in force (reported by `npm run bench`); the rest are the SDK's defaults. */
export const WORKER_TUNING: Record<string, string | number> = {
  maxCachedWorkflows: WORKER_TUNING_OPTIONS.maxCachedWorkflows,
  stickyQueueScheduleToStartTimeout: WORKER_TUNING_OPTIONS.stickyQueueScheduleToStartTimeout,
  maxConcurrentWorkflowTaskExecutions: 'SDK default (40)',
  maxConcurrentActivityTaskExecutions: 'SDK default (100)',
  maxConcurrentLocalActivityExecutions: 'SDK default (100)',
  pollers: 'SDK default (at most 10 workflow, 10 activity)',
  reuseV8Context: 'SDK default (true)',
  workflowBundle: 'prebuilt by npm run setup (.build/workflow-bundle.js)',
};

export interface UpgradeWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities & Partial<ReconcileActivities>;
  /** platform/data-converter.ts: payloads encrypted, failures encoded. */
  dataConverter: WorkerOptions['dataConverter'];
  /** Another bundle than the prebuilt one (`bundleWorkflowCode`). */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
  /** Tracing's interceptors and workflow span sink (platform/telemetry/temporal.ts). */
  telemetry?: Pick<WorkerOptions, 'interceptors' | 'sinks'>;
}

export async function createUpgradeWorker(options: UpgradeWorkerOptions): Promise<Worker> {
  if (!options.workflowBundle && !fs.existsSync(WORKFLOW_BUNDLE_PATH)) {
    throw new Error(`no workflow bundle at ${WORKFLOW_BUNDLE_PATH}: run \`npm run setup\``);
  }
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: options.dataConverter,
    workflowBundle: options.workflowBundle ?? { codePath: WORKFLOW_BUNDLE_PATH },
    ...(options.identity ? { identity: options.identity } : {}),
    ...options.telemetry,
    shutdownGraceTime: '10 seconds',
    ...WORKER_TUNING_OPTIONS,
  });
}
