/**
 * An upgrade's steps as the progress screen lists them: what happened (with its time) and what is
 * still to come on the path this upgrade takes (with an ONT swap or without), in the deck's order.
 */
import {
  IN_FLIGHT_STATUSES,
  STATUS_LABELS,
  STEPS,
  type StepDeclaration,
  stepsOnPath,
} from '../../../contracts/steps';
import type { components } from '../api/schema';

type Upgrade = Pick<components['schemas']['UpgradeView'], 'status' | 'steps' | 'ontSwap'>;
export type StepName = components['schemas']['UpgradeStep']['name'];

const PACKAGE_PATH: StepName[] = stepsOnPath('package');
const SWAP_PATH: StepName[] = stepsOnPath('swap');
const END_PATH: StepName[] = stepsOnPath('end');
/** The step as declared once (contracts/steps.ts): its label, its path, whether it ends the upgrade. */
const step = (name: StepName): StepDeclaration => STEPS[name];

export interface StepLine {
  name: StepName;
  label: string;
  state: 'done' | 'current' | 'pending';
  /** When it happened (done steps only). */
  at: string | null;
}

export const isInFlight = (status: Upgrade['status']) =>
  (IN_FLIGHT_STATUSES as readonly string[]).includes(status);

/** Whether this upgrade goes through an ONT swap, as far as its steps tell (or `needsSwap` from the quote). */
export function takesSwap(upgrade: Upgrade, needsSwap = false): boolean {
  return (
    needsSwap ||
    upgrade.ontSwap !== null ||
    upgrade.status === 'AWAITING_ONT_SWAP' ||
    upgrade.steps.some((s) => s.name.startsWith('ONT_'))
  );
}

/** The lines to show: every step that happened, in order, then those still to come (the first one current). */
export function stepLines(upgrade: Upgrade, needsSwap = false): StepLine[] {
  const done = upgrade.steps.map<StepLine>((s) => ({
    name: s.name,
    label: step(s.name).label,
    state: 'done',
    at: s.at,
  }));
  const ended = upgrade.steps.some((s) => step(s.name).ends === true);
  if (ended || !isInFlight(upgrade.status)) return done;
  const happened = new Set(upgrade.steps.map((s) => s.name));
  const plan = [...PACKAGE_PATH, ...(takesSwap(upgrade, needsSwap) ? SWAP_PATH : []), ...END_PATH];
  const toCome = plan
    .filter((name) => !happened.has(name))
    .map<StepLine>((name, i) => ({
      name,
      label: step(name).label,
      state: i === 0 ? 'current' : 'pending',
      at: null,
    }));
  return [...done, ...toCome];
}

export { STATUS_LABELS };
