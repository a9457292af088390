/**
 * Drives upgrades through the HTTP API at a fixed concurrency (closed loop: each of `concurrency`
 * virtual customers posts an upgrade, waits for it to complete, then takes the next customer).
 * Progress is watched in PostgreSQL (one query for all runs in flight every `pollMs`), so watching
 * adds no query load on the workflows; times come from the rows: the bill's createdAt and the
 * request row's last write (status COMPLETED). For scenario B the bench reports the ONT swap
 * (`POST /v1/technician/work-orders/{wo}/ont-replacement`) as soon as the run is AWAITING_ONT_SWAP.
 */
import type pg from 'pg';
import type { BenchCustomer, Scenario } from './customers';
import { benchBearer } from './tokens';

export interface UpgradeTiming {
  customerId: string;
  scenario: Scenario;
  upgradeId: string;
  /** Epoch ms when the POST was sent. */
  postedAt: number;
  /** Response time of the POST (202). */
  postMs: number;
  /** POST → bill row written. */
  billMs: number;
  /** POST → run COMPLETED (request row's final write). */
  completeMs: number;
  /** Scenario B: AWAITING_ONT_SWAP written → technician report sent by the bench. */
  technicianDelayMs: number | null;
  completedAt: number;
}

export interface DriveResult {
  concurrency: number;
  timings: UpgradeTiming[];
  failures: string[];
  /** First POST → last completion, in seconds. */
  wallSeconds: number;
}

interface Watch {
  resolve: (row: { completedAt: number; billAt: number }) => void;
  reject: (error: Error) => void;
  onAwaitingSwap: (workOrderNo: string, awaitingAt: number) => void;
  swapReported: boolean;
  deadline: number;
}

/** Watches upgrade rows in PostgreSQL for every run in flight, with one query per tick. */
export class ProgressWatcher {
  private readonly watches = new Map<string, Watch>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly client: pg.Client,
    private readonly pollMs: number,
    private readonly timeoutMs = 180_000,
  ) {}

  watch(
    upgradeId: string,
    onAwaitingSwap: Watch['onAwaitingSwap'],
  ): Promise<{ completedAt: number; billAt: number }> {
    return new Promise((resolve, reject) => {
      this.watches.set(upgradeId, {
        resolve,
        reject,
        onAwaitingSwap,
        swapReported: false,
        deadline: Date.now() + this.timeoutMs,
      });
      this.timer ??= setInterval(() => void this.tick(), this.pollMs);
    });
  }

  private async tick() {
    if (this.busy) return;
    if (this.watches.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    this.busy = true;
    try {
      const { rows } = await this.client.query<{
        id: string;
        status: string;
        maintenanceWorkOrderNo: string | null;
        failureReason: string | null;
        updatedAt: Date;
        billAt: Date | null;
      }>(
        `SELECT u.id, u.status, w."woNumber" AS "maintenanceWorkOrderNo", u."failureReason", u."updatedAt",
           b."createdAt" AS "billAt"
         FROM "UpgradeRequest" u
         LEFT JOIN "Bill" b ON b."upgradeId" = u.id
         LEFT JOIN "WorkOrder" w ON w."upgradeId" = u.id AND w.type = 'MAINTENANCE'
         WHERE u.id = ANY($1)`,
        [[...this.watches.keys()]],
      );
      for (const row of rows) {
        const watch = this.watches.get(row.id);
        if (!watch) continue;
        if (row.status === 'COMPLETED') {
          this.watches.delete(row.id);
          watch.resolve({
            completedAt: row.updatedAt.getTime(),
            billAt: row.billAt?.getTime() ?? Number.NaN,
          });
        } else if (row.status === 'FAILED') {
          this.watches.delete(row.id);
          watch.reject(new Error(`${row.id} FAILED: ${row.failureReason}`));
        } else if (row.status === 'AWAITING_ONT_SWAP' && row.maintenanceWorkOrderNo && !watch.swapReported) {
          watch.swapReported = true;
          watch.onAwaitingSwap(row.maintenanceWorkOrderNo, row.updatedAt.getTime());
        }
      }
      const now = Date.now();
      for (const [id, watch] of this.watches) {
        if (now > watch.deadline) {
          this.watches.delete(id);
          watch.reject(new Error(`${id} did not complete within ${this.timeoutMs} ms`));
        }
      }
    } catch (error) {
      for (const [id, watch] of this.watches) {
        this.watches.delete(id);
        watch.reject(error as Error);
      }
    } finally {
      this.busy = false;
    }
  }
}

export async function driveUpgrades(options: {
  /** With several (API processes of the cluster), customer i posts to the i-th modulo their number, and the technician reports to the next one. */
  apiUrl: string | string[];
  watcher: ProgressWatcher;
  customers: BenchCustomer[];
  concurrency: number;
  tag: string;
}): Promise<DriveResult> {
  const { watcher, customers, concurrency, tag } = options;
  const apiUrls = [options.apiUrl].flat();
  const timings: UpgradeTiming[] = [];
  const failures: string[] = [];
  let next = 0;
  const firstPost = Date.now();

  const one = async (customer: BenchCustomer, index: number) => {
    const apiUrl = apiUrls[index % apiUrls.length]!;
    const technicianUrl = apiUrls[(index + 1) % apiUrls.length]!;
    const auth = await benchBearer('customer', customer.id);
    const technician = await benchBearer('technician', 'tech-bench');
    const postedAt = Date.now();
    const response = await fetch(`${apiUrl}/v1/customers/${customer.id}/upgrades`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': `bench-${tag}`, ...auth },
      body: JSON.stringify({ targetPackageCode: customer.targetPackageCode }),
    });
    const postMs = Date.now() - postedAt;
    const body = (await response.json()) as { upgradeId?: string; detail?: string };
    if (response.status !== 202 || !body.upgradeId) {
      throw new Error(`POST upgrade of ${customer.id}: ${response.status} ${body.detail ?? ''}`);
    }
    const upgradeId = body.upgradeId;
    let technicianDelayMs: number | null = null;
    let swapError: Error | undefined;
    const done = await watcher.watch(upgradeId, (workOrderNo, awaitingAt) => {
      const sentAt = Date.now();
      technicianDelayMs = sentAt - awaitingAt;
      void fetch(`${technicianUrl}/v1/technician/work-orders/${workOrderNo}/ont-replacement`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...technician },
        body: JSON.stringify({
          newOntSerial: `BENCHNEW${customer.id}`,
          newOntModel: 'ZTE F670L',
          band: 'DUAL',
          technician: 'Bench Technician',
        }),
      })
        .then(async (answer) => {
          if (answer.status !== 202) swapError = new Error(`ONT report ${workOrderNo}: ${answer.status}`);
          await answer.arrayBuffer();
        })
        .catch((error: Error) => {
          swapError = error;
        });
    });
    if (swapError) throw swapError;
    timings.push({
      customerId: customer.id,
      scenario: customer.scenario,
      upgradeId,
      postedAt,
      postMs,
      billMs: done.billAt - postedAt,
      completeMs: done.completedAt - postedAt,
      technicianDelayMs,
      completedAt: done.completedAt,
    });
  };

  const virtualCustomer = async () => {
    for (let i = next++; i < customers.length; i = next++) {
      const customer = customers[i]!;
      try {
        await one(customer, i);
      } catch (error) {
        failures.push(`${customer.id}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, customers.length) }, virtualCustomer));
  const lastDone = Math.max(firstPost, ...timings.map((t) => t.completedAt));
  return { concurrency, timings, failures, wallSeconds: (lastDone - firstPost) / 1000 };
}
