/**
 * Readiness as an orchestrator reads it: every check of the process answers `ok`, within 3 s each,
 * and the process is not shutting down. Liveness (`/livez`) checks nothing: a PostgreSQL blip
 * must take a pod out of the load balancer (`/readyz` 503), never get it restarted. The checks'
 * answer is kept for a short while (READINESS_CACHE_MS) and probes that come meanwhile share one
 * round of checks, so however often `/readyz` is called, PostgreSQL and Temporal are asked at most
 * once per that while; a shutdown shows at once.
 */
import os from 'node:os';
import { setTimeout } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Database } from '../database';
import { releaseMigrations } from '../migrate';

export const CHECK_TIMEOUT_MS = 3_000;

/** How long one round of checks answers the probes, unless the process says otherwise. */
export const READINESS_CACHE_MS = 2_000;

/** The API's checks (the worker's add `worker`). */
export type ApiCheck = 'database' | 'migrations' | 'temporal';

/** What one check found: `ok`, or why not. */
export type CheckState = 'ok' | 'unavailable' | 'behind' | 'not polling';

export type Check = () => Promise<CheckState>;

export interface ReadinessReport<K extends string = string> {
  status: 'ready' | 'unready' | 'stopping';
  checks: Record<K, CheckState>;
}

export class Readiness<K extends string = string> {
  private stopping = false;
  /** The last round of checks (running, or done), answered until `until`. */
  private last?: { states: Promise<CheckState[]>; until: number };
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(
    private readonly checks: Record<K, Check>,
    options: { cacheMs?: number; now?: () => number } = {},
  ) {
    this.cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** The first step of a shutdown: from now on `/readyz` answers 503, before anything stops. */
  markStopping(): void {
    this.stopping = true;
  }

  async report(): Promise<ReadinessReport<K>> {
    const names = Object.keys(this.checks) as K[];
    const states = await this.checked(names);
    const checks = Object.fromEntries(names.map((name, i) => [name, states[i]])) as Record<K, CheckState>;
    const allOk = states.every((state) => state === 'ok');
    return { status: this.stopping ? 'stopping' : allOk ? 'ready' : 'unready', checks };
  }

  /** The states of the last round while it is fresh (or still running), else of a new round. */
  private checked(names: K[]): Promise<CheckState[]> {
    if (this.last && this.now() < this.last.until) return this.last.states;
    const round: { states: Promise<CheckState[]>; until: number } = {
      states: Promise.all(names.map((name) => settle(this.checks[name]))).then((states) => {
        round.until = this.now() + this.cacheMs;
        return states;
      }),
      until: Number.POSITIVE_INFINITY,
    };
    this.last = round;
    return round.states;
  }
}

async function settle(check: Check): Promise<CheckState> {
  try {
    return await Promise.race([check(), timeout()]);
  } catch {
    return 'unavailable';
  }
}

const timeout = () =>
  setTimeout(CHECK_TIMEOUT_MS, undefined, { ref: false }).then(() => Promise.reject(new Error('timed out')));

/** PostgreSQL runs a query. */
export const databaseCheck =
  (db: Database): Check =>
  async () => {
    await db.$queryRaw`SELECT 1`;
    return 'ok';
  };

/** Every migration this release ships is applied (`behind` after a deploy whose migration did not run). */
export const migrationsCheck = (db: Database): Check => {
  const expected = releaseMigrations();
  return async () => {
    const rows = await db.$queryRaw<Array<{ name: string }>>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((row) => row.name));
    return expected.every((name) => applied.has(name)) ? 'ok' : 'behind';
  };
};

/** The Temporal frontend answers (a gRPC deadline: DEADLINE_EXCEEDED once it has passed). */
export const temporalCheck =
  (client: Client): Check =>
  async () => {
    await client.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => client.workflowService.getSystemInfo({}));
    return 'ok';
  };

/**
 * The worker runs and Temporal lists it polling its task queue (by identity, the SDK's default
 * `<pid>@<hostname>`).
 */
export const workerPollingCheck =
  (options: { client: Client; taskQueue: string; running: () => boolean; identity?: string }): Check =>
  async () => {
    if (!options.running()) return 'not polling';
    const identity = options.identity ?? `${process.pid}@${os.hostname()}`;
    const { pollers } = await options.client.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
      options.client.workflowService.describeTaskQueue({
        namespace: options.client.options.namespace,
        taskQueue: { name: options.taskQueue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    return (pollers ?? []).some((poller) => poller.identity === identity) ? 'ok' : 'not polling';
  };
