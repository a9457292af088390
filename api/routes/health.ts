import { Router } from 'express';
import type { ApiDependencies } from '../app';

/** Liveness of what the API depends on: PostgreSQL and Temporal. 503 when either is down. */
export function healthRouter({ db, temporal }: ApiDependencies): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [database, temporalCheck] = await Promise.all([
      check(() => db.$queryRaw`SELECT 1`),
      check(() => temporal.workflowService.getSystemInfo({})),
    ]);
    const ok = database === 'ok' && temporalCheck === 'ok';
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'degraded', checks: { database, temporal: temporalCheck } });
  });
  return router;
}

async function check(probe: () => Promise<unknown>): Promise<'ok' | 'unavailable'> {
  try {
    await withTimeout(probe(), 3_000);
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
