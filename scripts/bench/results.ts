/** What the bench measures of a level: the real upgrades' results and a ceiling variant's. */
import type { CeilingRun } from './ceiling';
import type { CeilingVariant } from './ceiling-workflows';
import type { ActiveConnections } from './database';
import type { DriveResult } from './drive';
import type { Breakdown } from './history';
import type { ThreadTicks, Usage } from './proc';

export interface LevelResult {
  label: string;
  run: DriveResult;
  usage: Usage;
  /** From the Temporal histories of a sample of the level's runs, per scenario. */
  breakdown?: { A: Breakdown; B: Breakdown };
  /** Worker CPU per upgrade by kind of thread, ms. */
  threads?: ThreadTicks;
  /** Busy PostgreSQL connections of the stack (API + worker, or the plain loop's pool). */
  connections?: ActiveConnections;
}

/** One level of one ceiling variant (no-op activities; scripts/bench/ceiling.ts). */
export interface CeilingResult {
  label: string;
  variant: CeilingVariant;
  run: CeilingRun;
  /** `worker` is the ceiling's worker process here; `temporal` the same dev server as the real runs. */
  usage: Usage;
  /** CPU per completed workflow, ms. */
  cpuMsPerWorkflow: { server: number; worker: number };
  /** From the histories of the level's last 10 runs per scenario (as built only). */
  breakdown?: { A: Breakdown; B: Breakdown };
}

export const VARIANT_NAMES: Record<CeilingVariant, string> = {
  regular: 'all regular',
  local: 'all local',
  asBuilt: 'as built',
};
