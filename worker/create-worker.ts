import path from 'node:path';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../activities';

export const WORKFLOWS_PATH = require.resolve(path.join(__dirname, '..', 'workflows'));

export interface UpgradeWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Prebuilt bundle (`bundleWorkflowCode`); without it the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
}

export async function createUpgradeWorker(options: UpgradeWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: WORKFLOWS_PATH }),
    ...(options.identity ? { identity: options.identity } : {}),
    shutdownGraceTime: '10 seconds',
  });
}
