/**
 * Faults that must lose nothing. Each scenario gets a stack of its own — PostgreSQL, the Temporal
 * dev server, the API and the worker as separate processes (test/helpers/stack.ts) — and they run
 * side by side, so the whole project takes about as long as its longest scenario (the worker
 * kills). Every stack is torn down whatever happens, and each scenario checks that none of its
 * processes outlived it. Figures are printed as `[faults] …` lines.
 */
import { type ResendStandIn, startResendStandIn } from '../helpers/resend-stand-in';
import { duplicateRequests } from './duplicate-requests';
import { emailOutage } from './email-outage';
import { postgresOutage } from './postgres-outage';
import { closeAllHarnesses, type Harness, openHarness, report } from './support';
import { temporalRestart } from './temporal-restart';
import { workerKills } from './worker-kills';

jest.setTimeout(10 * 60_000);

const resendStandIns: ResendStandIn[] = [];

afterAll(async () => {
  await closeAllHarnesses();
  await Promise.all(resendStandIns.map((standIn) => standIn.close()));
});

/** Runs a scenario on a fresh stack; tears it down, then checks no process of it is left. */
async function onStack<T extends Record<string, unknown>>(
  fault: string,
  options: Parameters<typeof openHarness>[0],
  scenario: (harness: Harness) => Promise<T>,
): Promise<void> {
  const began = Date.now();
  const harness = await openHarness(options);
  const stackStartMs = Date.now() - began;
  let figures: T;
  try {
    figures = await scenario(harness);
  } catch (error) {
    const logs = harness.stack.logs();
    await harness.close();
    throw new Error(`${(error as Error).message}\n\nlast output of the stack:\n${logs.slice(-15_000)}`, {
      cause: error,
    });
  }
  const survivors = await harness.close();
  expect(survivors).toEqual([]);
  report(fault, {
    ...figures,
    stackStartMs,
    wallMs: Date.now() - began,
    processesLeftBehind: survivors.length,
  });
}

describe('faults that must lose nothing', () => {
  test.concurrent('20 identical requests make one run; 20 keys for one customer admit one', () =>
    onStack('concurrent duplicate requests', { label: 'faults-duplicates' }, duplicateRequests));

  test.concurrent('the worker SIGKILLed at activity boundaries, restarted each time: all complete once', () =>
    onStack('worker killed and restarted', { label: 'faults-kills' }, (harness) =>
      workerKills(harness, { maxKills: 10, killPhaseMs: 150_000 }),
    ));

  test.concurrent('the Temporal server restarts while runs wait for the ONT swap: signals still complete them', () =>
    onStack('Temporal dev server restarted', { label: 'faults-temporal' }, temporalRestart));

  test.concurrent('PostgreSQL stopped for 30 s during runs: activities retry and finish after it returns', () =>
    onStack('PostgreSQL down for 30 s', { label: 'faults-postgres' }, postgresOutage));

  test.concurrent('the email provider failing for a while: no notice lost, none sent twice', async () => {
    const resend = await startResendStandIn();
    resendStandIns.push(resend);
    await onStack(
      'email provider outage',
      { label: 'faults-email', workerEnv: { RESEND_API_KEY: 'test', RESEND_BASE_URL: resend.url } },
      (harness) => emailOutage(harness, resend),
    );
  });
});
