/**
 * The ceiling's worker, a child of the bench (`fork`, with an IPC channel): it loads the bundle of
 * scripts/bench/ceiling-workflows.ts the bench built (`bundleWorkflowCode`, scripts/bench/ceiling.ts)
 * — as the app's worker loads its prebuilt bundle, so their memory compares — and runs it on its own
 * task queue of the bench stack's dev server, with the real worker's tuning (WORKER_TUNING_OPTIONS).
 * Its one activity does nothing; on a run's last step it sends `{ type: 'done', workflowId, at }`
 * to the bench, which so learns of a completion without asking the server (as the real runs are
 * watched in PostgreSQL). `{ type: 'stop' }` (or the bench going away) shuts it down.
 *
 * Environment: CEILING_TEMPORAL_ADDRESS, CEILING_NAMESPACE, CEILING_TASK_QUEUE, CEILING_BUNDLE_PATH.
 */
import { Context } from '@temporalio/activity';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../platform/data-converter';
import { parseKeyring } from '../../platform/encryption-keys';
import { WORKER_TUNING_OPTIONS } from '../../worker/create-worker';
import type { CeilingActivities } from './ceiling-workflows';

export type CeilingMessage =
  | { type: 'ready' }
  | { type: 'done'; workflowId: string; at: number }
  | { type: 'error'; message: string };

function send(message: CeilingMessage) {
  process.send?.(message);
}

async function main() {
  const address = process.env.CEILING_TEMPORAL_ADDRESS;
  const taskQueue = process.env.CEILING_TASK_QUEUE;
  const codePath = process.env.CEILING_BUNDLE_PATH;
  if (!address || !taskQueue || !codePath || !process.send) {
    throw new Error(
      'run by the bench: CEILING_TEMPORAL_ADDRESS, CEILING_TASK_QUEUE, CEILING_BUNDLE_PATH and an IPC channel',
    );
  }
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const activities: CeilingActivities = {
    async noop(_step, last) {
      const workflowId = Context.current().info.workflowExecution?.workflowId;
      if (last && workflowId) send({ type: 'done', workflowId, at: Date.now() });
    },
  };
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: process.env.CEILING_NAMESPACE ?? 'default',
    taskQueue,
    workflowBundle: { codePath },
    dataConverter: dataConverterFor(parseKeyring(process.env.PAYLOAD_ENCRYPTION_KEYS ?? '')),
    activities,
    shutdownGraceTime: '2 seconds',
    ...WORKER_TUNING_OPTIONS,
  });
  const stop = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') stop();
  });
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  const running = worker.run();
  send({ type: 'ready' });
  await running;
  await connection.close();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    send({ type: 'error', message: error.stack ?? error.message });
    process.stderr.write(`ceiling worker failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
