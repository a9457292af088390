/**
 * The run's state, one object: what it was asked, its books (workflows/progress.ts), its visit
 * desk (workflows/visit-desk.ts) and the technician's swap report. UpgradeWorkflow feeds it from
 * its handlers; the steps read it.
 */
import type { OntReplacedSignal, UpgradeWorkflowInput } from '../contracts/upgrade';
import { UpgradeTracker } from './progress';
import { VisitDesk } from './visit-desk';

export class UpgradeRun extends UpgradeTracker {
  readonly desk: VisitDesk;
  /** The first report for this run's work order; it may come before the run waits for it. */
  swapReport: OntReplacedSignal | undefined;

  constructor(readonly input: UpgradeWorkflowInput) {
    super(input);
    this.desk = new VisitDesk(input.upgradeId);
  }

  swapReported(report: OntReplacedSignal): void {
    const expected = this.progress.maintenanceWorkOrderNo ?? report.workOrderNumber;
    if (!this.swapReport && report.workOrderNumber === expected) this.swapReport = report;
  }
}
