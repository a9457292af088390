/**
 * ReconcileUpgradesWorkflow: settles upgrades whose run closed without our code (terminated, timed
 * out, never started). A Temporal Schedule runs it every minute (worker start creates it); the API
 * runs it for one upgrade when a customer's new request finds the old one still "in flight".
 */
import { proxyActivities } from '@temporalio/workflow';
import type { ReconcileActivities } from '../activities/reconcile';
import { logOnly, settle } from './settle';

const temporalState = proxyActivities<ReconcileActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 3 },
  summary: 'Find in-flight upgrades whose run is not running',
});

export async function ReconcileUpgradesWorkflow(input: { upgradeIds?: string[] } = {}): Promise<string[]> {
  const abandoned = await temporalState.findAbandonedUpgrades(input);
  for (const upgrade of abandoned) await settle(logOnly, upgrade);
  return abandoned.map((upgrade) => upgrade.upgradeId);
}
