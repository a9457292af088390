/**
 * `--ceiling`: what the same dev server and the same worker tuning give for UpgradeWorkflow's
 * shape when the activities do nothing (scripts/bench/ceiling-workflows.ts), in three variants —
 * all regular activities, all local, and the real run's mix ("as built") — at the bench's levels.
 * The workflows are bundled here (`bundleWorkflowCode`, into a temporary file) and run in a child
 * process (scripts/bench/ceiling-worker.ts) on their own task queue;
 * this side starts them in a closed loop like the real runs (half scenario A, half B, B's signal
 * sent right after the start) and learns of each run's last step from the child over IPC, so
 * watching costs the server nothing, as PostgreSQL polling costs it nothing for the real runs.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../../platform/data-converter';
import type { CeilingMessage } from './ceiling-worker';
import {
  type CeilingInput,
  type CeilingVariant,
  type CeilingWorkflow,
  ceilingReplacedSignal,
} from './ceiling-workflows';
import type { Scenario } from './customers';
import { BENCH_ENCRYPTION_ENV } from './stack';

export interface CeilingTiming {
  workflowId: string;
  scenario: Scenario;
  /** Epoch ms when the start was sent. */
  postedAt: number;
  /** Response time of the start RPC. */
  startMs: number;
  /** Start sent → the run's last activity (the real runs' "completion": completeUpgrade's write). */
  completeMs: number;
  completedAt: number;
}

export interface CeilingRun {
  concurrency: number;
  variant: CeilingVariant;
  timings: CeilingTiming[];
  failures: string[];
  /** First start → last completion, in seconds. */
  wallSeconds: number;
}

export interface CeilingWorker {
  pid: number;
  taskQueue: string;
  /** Bundling the ceiling workflows (in the bench process), ms. */
  bundleMs: number;
  drive(options: {
    client: Client;
    variant: CeilingVariant;
    concurrency: number;
    count: number;
    tag: string;
  }): Promise<CeilingRun>;
  stop(): Promise<void>;
}

const TIMEOUT_MS = 120_000;

export async function startCeilingWorker(options: {
  temporalAddress: string;
  namespace: string;
  taskQueue?: string;
}): Promise<CeilingWorker> {
  const taskQueue = options.taskQueue ?? `bench-ceiling-${process.pid}`;
  const bundling = Date.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./ceiling-workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  });
  const bundleMs = Date.now() - bundling;
  const bundlePath = path.join(os.tmpdir(), `bench-ceiling-bundle-${process.pid}.js`);
  fs.writeFileSync(bundlePath, code);
  const child: ChildProcess = fork(path.join(__dirname, 'ceiling-worker.ts'), [], {
    env: {
      ...process.env,
      CEILING_TEMPORAL_ADDRESS: options.temporalAddress,
      CEILING_NAMESPACE: options.namespace,
      CEILING_TASK_QUEUE: taskQueue,
      CEILING_BUNDLE_PATH: bundlePath,
      ...BENCH_ENCRYPTION_ENV,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  const waiting = new Map<string, (at: number) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: CeilingMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'error') reject(new Error(`ceiling worker: ${message.message}`));
      else if (message.type === 'done') {
        waiting.get(message.workflowId)?.(message.at);
        waiting.delete(message.workflowId);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`ceiling worker exited (${code}) before it was ready: ${stderr}`)),
    );
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(bundlePath, { force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }

  const finished = (workflowId: string) => {
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<number>((resolve, reject) => {
      waiting.set(workflowId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
      timer = setTimeout(() => {
        waiting.delete(workflowId);
        reject(new Error(`${workflowId} did not finish within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
    });
    const cancel = () => {
      clearTimeout(timer);
      waiting.delete(workflowId);
    };
    return { done, cancel };
  };

  return {
    pid: child.pid!,
    taskQueue,
    bundleMs,
    stop,
    async drive({ client, variant, concurrency, count, tag }) {
      const timings: CeilingTiming[] = [];
      const failures: string[] = [];
      let next = 0;
      const firstStart = Date.now();
      const one = async (i: number) => {
        const scenario: Scenario = i % 2 === 0 ? 'A' : 'B';
        const workflowId = `ceiling-${tag}-${variant}-${i}-${process.pid}`;
        const watch = finished(workflowId);
        const postedAt = Date.now();
        try {
          const handle = await client.workflow.start<typeof CeilingWorkflow>('CeilingWorkflow', {
            taskQueue,
            workflowId,
            args: [{ scenario, variant } satisfies CeilingInput],
          });
          const startMs = Date.now() - postedAt;
          if (scenario === 'B') await handle.signal(ceilingReplacedSignal);
          const completedAt = await watch.done;
          timings.push({
            workflowId,
            scenario,
            postedAt,
            startMs,
            completeMs: completedAt - postedAt,
            completedAt,
          });
        } catch (error) {
          watch.cancel();
          watch.done.catch(() => undefined);
          throw error;
        }
      };
      const loop = async () => {
        for (let i = next++; i < count; i = next++) {
          try {
            await one(i);
          } catch (error) {
            failures.push(`${variant} #${i}: ${(error as Error).message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, count) }, loop));
      const last = Math.max(firstStart, ...timings.map((t) => t.completedAt));
      return { concurrency, variant, timings, failures, wallSeconds: (last - firstStart) / 1000 };
    },
  };
}
