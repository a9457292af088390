export { BillPaymentWorkflow } from './bill-payment';
export { ReconcileUpgradesWorkflow } from './reconcile';
export { UpgradeWorkflow } from './upgrade';
