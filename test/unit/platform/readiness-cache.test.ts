/**
 * `/readyz` cannot hammer PostgreSQL and Temporal: probes within the cache time share one round of
 * checks (also while it runs), the next probe after it checks again, and a shutdown shows at once.
 */
import { type Check, Readiness } from '../../../platform/health/readiness';

function counted(state: 'ok' | 'unavailable' = 'ok') {
  const check = Object.assign(
    async () => {
      check.calls += 1;
      return check.state;
    },
    { calls: 0, state: state as 'ok' | 'unavailable' },
  );
  return check;
}

describe('readiness cached briefly', () => {
  it('two probes within the cache time make one round of checks; the next after it checks again', async () => {
    let now = 1_000;
    const database = counted();
    const temporal = counted();
    const readiness = new Readiness({ database, temporal }, { cacheMs: 2_000, now: () => now });

    expect(await readiness.report()).toEqual({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });
    now += 1_999;
    database.state = 'unavailable';
    expect((await readiness.report()).status).toBe('ready');
    expect([database.calls, temporal.calls]).toEqual([1, 1]);

    now += 1;
    expect(await readiness.report()).toEqual({
      status: 'unready',
      checks: { database: 'unavailable', temporal: 'ok' },
    });
    expect([database.calls, temporal.calls]).toEqual([2, 2]);
  });

  it('probes that come while a round runs wait for it instead of starting another', async () => {
    let release: (state: 'ok') => void = () => undefined;
    let calls = 0;
    const slow: Check = () => {
      calls += 1;
      return new Promise((resolve) => {
        release = resolve;
      });
    };
    const readiness = new Readiness({ database: slow }, { cacheMs: 0 });
    const probes = [readiness.report(), readiness.report(), readiness.report()];
    release('ok');
    expect((await Promise.all(probes)).map((r) => r.status)).toEqual(['ready', 'ready', 'ready']);
    expect(calls).toBe(1);
    // With no cache time, the next probe checks again.
    const next = readiness.report();
    release('ok');
    await next;
    expect(calls).toBe(2);
  });

  it('answers `stopping` at once, whatever the cached checks said', async () => {
    const readiness = new Readiness({ database: counted() }, { cacheMs: 60_000 });
    expect((await readiness.report()).status).toBe('ready');
    readiness.markStopping();
    expect((await readiness.report()).status).toBe('stopping');
  });
});
