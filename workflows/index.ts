export { ReconcileUpgradesWorkflow } from './reconcile';
export { UpgradeWorkflow } from './upgrade';
