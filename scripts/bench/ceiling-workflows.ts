/**
 * The bench's ceiling (`npm run bench -- --ceiling`): workflows of UpgradeWorkflow's shape whose
 * activities do nothing, bundled on their own (scripts/bench/ceiling-worker.ts) and run on their
 * own task queue of the same dev server. Each step is the real run's step, in its order; only the
 * kind of activity changes with the variant:
 * - `regular`: every step a regular activity (the shape before the lean-core revision);
 * - `local`: every step a local activity;
 * - `asBuilt`: database steps local, notices regular, as workflows/upgrade.ts runs them.
 * Scenario B waits for the `ontReplaced` signal after the swap notice, as the real run does (the
 * bench sends it right after the start). Workflow code: import only workflow-safe modules here.
 */
import {
  condition,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

export type CeilingVariant = 'regular' | 'local' | 'asBuilt';
export const CEILING_VARIANTS: CeilingVariant[] = ['regular', 'local', 'asBuilt'];

export interface CeilingInput {
  scenario: 'A' | 'B';
  variant: CeilingVariant;
}

export interface CeilingActivities {
  /** Does nothing; the last step of a run also tells the bench the run is done (as completeUpgrade's write). */
  noop(step: string, last: boolean): Promise<void>;
}

type Kind = 'db' | 'notice';

/** The real run's steps (workflows/upgrade.ts), with the kind of activity each is there. */
const BEFORE_SWAP: Array<[string, Kind]> = [
  ['acceptUpgradeRequest', 'db'],
  ['issueUpgradeBill', 'db'],
  ['openUpgradeTicket', 'db'],
  ['createUpgradeWorkOrder', 'db'],
  ['switchSubscription', 'db'],
  ['notifyBillIssued', 'notice'],
];
const SWAP_SCHEDULED: Array<[string, Kind]> = [
  ['openChangeOntTicket', 'db'],
  ['createMaintenanceWorkOrder', 'db'],
  ['notifyOntSwapScheduled', 'notice'],
];
const SWAP_DONE: Array<[string, Kind]> = [
  ['completeOntSwap', 'db'],
  ['notifyOntSwapCompleted', 'notice'],
];
const COMPLETE: [string, Kind] = ['completeUpgrade', 'db'];

/** Activities per run: scenario A 7, B 12 (plus B's wait for the signal). */
export const CEILING_STEPS = {
  A: BEFORE_SWAP.length + 1,
  B: BEFORE_SWAP.length + SWAP_SCHEDULED.length + SWAP_DONE.length + 1,
} as const;

const retry = { initialInterval: '1 second', backoffCoefficient: 2 } as const;
// The timeouts and retries of workflows/activities.ts.
const regular = proxyActivities<CeilingActivities>({
  startToCloseTimeout: '60 seconds',
  retry: { ...retry, maximumInterval: '1 minute' },
});
const local = proxyLocalActivities<CeilingActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { ...retry, maximumInterval: '10 seconds' },
});

export const ceilingReplacedSignal = defineSignal('ontReplaced');

export async function CeilingWorkflow(input: CeilingInput): Promise<void> {
  let replaced = false;
  setHandler(ceilingReplacedSignal, () => {
    replaced = true;
  });
  const run = async ([step, kind]: [string, Kind], last = false) => {
    const isLocal = input.variant === 'local' || (input.variant === 'asBuilt' && kind === 'db');
    await (isLocal ? local : regular).noop(step, last);
  };
  for (const step of BEFORE_SWAP) await run(step);
  if (input.scenario === 'B') {
    for (const step of SWAP_SCHEDULED) await run(step);
    await condition(() => replaced);
    for (const step of SWAP_DONE) await run(step);
  }
  await run(COMPLETE, true);
}
