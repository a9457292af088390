/**
 * The set-up every workflow test shares: the file's Temporal test server (the time-skipping one
 * unless a file asks for another), created before its tests and torn down after them, and workers
 * as the app runs them (its workflow bundle with tracing's interceptors, its data converter with the
 * development key, the span sink) on a task queue of their own, with the activities a test gives.
 */
import type { WorkflowHandleWithFirstExecutionRunId, WorkflowStartOptions } from '@temporalio/client';
import type { DataConverter, Workflow } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import {
  createTimeSkippingEnvironment,
  testDataConverter,
  uniqueTaskQueue,
  workflowBundle,
  workflowSinks,
} from '../helpers/temporal';

/** What the tests use of the file's environment; usable in hooks and tests, once it is created. */
export type WorkflowTestEnvironment = Pick<
  TestWorkflowEnvironment,
  'client' | 'nativeConnection' | 'address' | 'sleep' | 'currentTimeMs'
>;

/**
 * The file's test server: created in a `beforeAll` (call this before the file's own hooks), torn
 * down in an `afterAll` after `beforeTeardown` (e.g. recording the runs' histories), which runs
 * only if the server was created.
 */
export function environmentForFile(
  options: { create?: () => Promise<TestWorkflowEnvironment>; beforeTeardown?: () => Promise<void> } = {},
): WorkflowTestEnvironment {
  const { create = createTimeSkippingEnvironment, beforeTeardown } = options;
  let created: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    created = await create();
  }, 120_000);
  afterAll(async () => {
    if (!created) return;
    try {
      await beforeTeardown?.();
    } finally {
      await created.teardown();
    }
  });
  const current = () => {
    if (!created) throw new Error('the test environment is created in beforeAll: use it in hooks and tests');
    return created;
  };
  return {
    get client() {
      return current().client;
    },
    get nativeConnection() {
      return current().nativeConnection;
    },
    get address() {
      return current().address;
    },
    sleep: (duration) => current().sleep(duration),
    currentTimeMs: () => current().currentTimeMs(),
  };
}

export interface WorkerSetup {
  /** Names the worker's task queue (made unique to the run). */
  queue: string;
  /** The real activities, fakes (test/workflow/fake-activities.ts) or only those a workflow calls. */
  activities: object;
  /** The app's data converter with the development key unless given. */
  dataConverter?: DataConverter;
  /** Added to the span sink the bundle's interceptors call (e.g. a logger that keeps warnings). */
  sinks?: WorkerOptions['sinks'];
}

/** A worker on the environment with the setup's activities, on a task queue of its own. */
export async function createWorker(
  env: WorkflowTestEnvironment,
  setup: WorkerSetup,
): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = uniqueTaskQueue(setup.queue);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities: setup.activities,
    workflowBundle: await workflowBundle(),
    dataConverter: setup.dataConverter ?? testDataConverter,
    sinks: { ...workflowSinks, ...setup.sinks },
  });
  return { worker, taskQueue };
}

/**
 * Starts `workflow` on a worker of its own (createWorker) and runs `body` with the run's handle; the
 * worker stops when `body` settles, and its answer is this one's.
 */
export async function runWorkflow<W extends Workflow, T>(
  env: WorkflowTestEnvironment,
  setup: WorkerSetup,
  workflow: W,
  options: Omit<WorkflowStartOptions<W>, 'taskQueue'>,
  body: (handle: WorkflowHandleWithFirstExecutionRunId<W>) => Promise<T>,
): Promise<T> {
  const { worker, taskQueue } = await createWorker(env, setup);
  return worker.runUntil(async () =>
    body(await env.client.workflow.start(workflow, { ...options, taskQueue } as WorkflowStartOptions<W>)),
  );
}
