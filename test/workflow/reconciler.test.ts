import { RECONCILE_WORKFLOW_ID, reconcileNowSignal } from '../../contracts/upgrade';
import { ReconcileUpgradesWorkflow } from '../../workflows';
import { environmentForFile, runWorkflow } from './environment';

const env = environmentForFile();

describe('the reconciler: one long-lived run', () => {
  it('passes every minute, at once when asked, and continues as new under the same ID', async () => {
    const passes: string[] = [];
    const activities = {
      findAbandonedUpgrades: async () => {
        passes.push(new Date().toISOString());
        // A pass that fails is tried again at the next one; the run goes on.
        if (passes.length === 2) throw new Error('Temporal away');
        return [];
      },
    };
    await runWorkflow(
      env,
      { queue: 'reconcile', activities },
      ReconcileUpgradesWorkflow,
      { workflowId: RECONCILE_WORKFLOW_ID, args: [{ every: '1 minute', rounds: 3 }] },
      async (handle) => {
        const firstRun = handle.firstExecutionRunId;
        await env.sleep('30 seconds');
        const beforeSignal = passes.length;
        await handle.signal(reconcileNowSignal);
        await env.sleep('1 second');
        expect(passes.length).toBeGreaterThan(beforeSignal);

        await env.sleep('5 minutes');
        const now = await handle.describe();
        expect(now.status.name).toBe('RUNNING');
        expect(now.runId).not.toBe(firstRun);
        const first = await env.client.workflow.getHandle(RECONCILE_WORKFLOW_ID, firstRun).describe();
        expect(first.status.name).toBe('CONTINUED_AS_NEW');
        // A pass a minute (and the one asked for): about 7 in 5.5 minutes, never one per run.
        expect(passes.length).toBeGreaterThanOrEqual(6);
        await handle.terminate('test over');
      },
    );
  });
});
