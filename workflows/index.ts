export { UpgradeWorkflow } from './upgrade';
