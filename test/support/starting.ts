/** What every process the tests start shares: the project's folder, and "ready, or killed". */
import path from 'node:path';
import { type Launched, stopProcess } from '../../local/processes';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export interface StartingProcess extends Launched {
  ready(timeoutMs?: number): Promise<void>;
}

/** Waits for `ready`; a process that does not get there is SIGKILLed, and the error stands. */
export async function killUnlessReady(proc: Launched, ready: Promise<void>): Promise<void> {
  try {
    await ready;
  } catch (error) {
    await stopProcess(proc, { signal: 'SIGKILL' });
    throw error;
  }
}
