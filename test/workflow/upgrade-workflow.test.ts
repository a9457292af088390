import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import { progressQuery, type UpgradeWorkflowInput } from '../../contracts/upgrade';
import { UpgradeWorkflow } from '../../workflows';
import { createTimeSkippingEnvironment, uniqueTaskQueue, workflowBundle } from '../helpers/temporal';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
}, 120_000);

afterAll(async () => {
  await env?.teardown();
});

const input: UpgradeWorkflowInput = {
  upgradeId: 'upgrade-21314849-wf-1',
  customerId: '21314849',
  targetPackageCode: 'STREAM-150-SEM',
  idempotencyKey: 'wf-1',
  requestedAt: '2025-11-21T06:34:28.000Z',
};

function fakeActivities(overrides: Partial<Activities> = {}): Activities {
  return {
    recordUpgradeRequest: jest.fn(async () => undefined),
    ...overrides,
  } as Activities;
}

async function runWith(activities: Activities, workflowId: string) {
  const taskQueue = uniqueTaskQueue('upgrade');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities,
    workflowBundle: await workflowBundle(),
  });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(UpgradeWorkflow, {
      workflowId,
      taskQueue,
      args: [{ ...input, upgradeId: workflowId }],
    });
    const result = await handle.result();
    const queried = await handle.query(progressQuery);
    return { result, queried };
  });
}

describe('UpgradeWorkflow', () => {
  it('records the request first, then reports the run completed', async () => {
    const activities = fakeActivities();
    const { result, queried } = await runWith(activities, 'upgrade-21314849-wf-1');

    expect(activities.recordUpgradeRequest).toHaveBeenCalledTimes(1);
    expect(activities.recordUpgradeRequest).toHaveBeenCalledWith({
      ...input,
      upgradeId: 'upgrade-21314849-wf-1',
    });
    expect(result.status).toBe('COMPLETED');
    expect(result.steps.map((s) => s.name)).toEqual(['REQUEST_RECORDED']);
    expect(queried).toEqual(result);
  });

  it('retries a failing activity until it succeeds, recording once', async () => {
    let calls = 0;
    const activities = fakeActivities({
      recordUpgradeRequest: jest.fn(async () => {
        calls += 1;
        if (calls < 3) throw new Error('database unavailable');
      }),
    });
    const { result } = await runWith(activities, 'upgrade-21314849-wf-2');

    expect(calls).toBe(3);
    expect(result.status).toBe('COMPLETED');
  });
});
