/**
 * ReconcileUpgradesWorkflow: settles upgrades whose run closed without our code (terminated, timed
 * out, never started). Two ways to run it:
 * - the reconciler: one long-lived run (`{ every }`, ID `reconcile-upgrades`, started by the worker)
 *   that passes, sleeps `every` (or until `reconcileNow`), and continues as new after `rounds`
 *   passes or when Temporal suggests it, so the Web UI's list holds one open run, not a closed one
 *   a minute;
 * - one pass for some upgrades (`{ upgradeIds }`): the API's, when a customer's new request finds
 *   the old one still "in flight".
 * Every upgrade is settled first (one database step each), then its customer is told, so a notice
 * provider that is down holds up no settlement.
 */
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ReconcileActivities } from '../activities/reconcile';
import { reconcileNowSignal } from '../contracts/upgrade';
import { logOnly, settle, tell } from './settle';

const temporalState = proxyActivities<ReconcileActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 3 },
  summary: 'Find in-flight upgrades whose run is not running',
});

export interface ReconcileInput {
  /** One pass over these upgrades only. */
  upgradeIds?: string[];
  /** The long-lived reconciler: a pass every this long (e.g. `1 minute`). */
  every?: string;
  /** Passes before it continues as new (some 11 events each; 360 a minute is 6 hours). */
  rounds?: number;
}

export async function ReconcileUpgradesWorkflow(input: ReconcileInput = {}): Promise<string[]> {
  if (!input.every) return reconcileOnce(input);
  let asked = false;
  setHandler(reconcileNowSignal, () => {
    asked = true;
  });
  const rounds = input.rounds ?? 360;
  for (let round = 0; round < rounds && !workflowInfo().continueAsNewSuggested; round += 1) {
    asked = false;
    try {
      await reconcileOnce({});
    } catch {
      // A pass that failed (Temporal or PostgreSQL away) is tried again at the next one.
    }
    await condition(() => asked, input.every as '1 minute');
  }
  return continueAsNew<typeof ReconcileUpgradesWorkflow>(input);
}

async function reconcileOnce(input: { upgradeIds?: string[] }): Promise<string[]> {
  const abandoned = await temporalState.findAbandonedUpgrades(input);
  const settled = [];
  for (const upgrade of abandoned) settled.push({ upgrade, outcome: await settle(logOnly, upgrade) });
  for (const { upgrade, outcome } of settled) await tell(logOnly, upgrade, outcome);
  return abandoned.map((upgrade) => upgrade.upgradeId);
}
