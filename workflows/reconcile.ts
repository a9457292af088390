/**
 * ReconcileUpgradesWorkflow: settles upgrades whose run closed without our code (terminated, timed
 * out, never started). A Temporal Schedule runs it every minute (worker start creates it); the API
 * runs it for one upgrade when a customer's new request finds the old one still "in flight".
 * Every upgrade is settled first (one database step each), then its customer is told, so a
 * notice provider that is down holds up no settlement.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { ReconcileActivities } from '../activities/reconcile';
import { logOnly, settle, tell } from './settle';

const temporalState = proxyActivities<ReconcileActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 3 },
  summary: 'Find in-flight upgrades whose run is not running',
});

export async function ReconcileUpgradesWorkflow(input: { upgradeIds?: string[] } = {}): Promise<string[]> {
  const abandoned = await temporalState.findAbandonedUpgrades(input);
  const settled = [];
  for (const upgrade of abandoned) settled.push({ upgrade, outcome: await settle(logOnly, upgrade) });
  for (const { upgrade, outcome } of settled) await tell(logOnly, upgrade, outcome);
  return abandoned.map((upgrade) => upgrade.upgradeId);
}
