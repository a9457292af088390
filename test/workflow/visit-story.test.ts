/**
 * The visit's one story: the real UpgradeWorkflow on the time-skipping server, the real
 * activities on a real PostgreSQL, and the API's upgrade view served from those rows. After each
 * sequence of booking, move, missed visit and swap — some sent back to back, as a dispatcher's
 * tablet and a customer's app may — the run's result, its query and GET /v1/upgrades/{id} agree.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import express from 'express';
import { Client as PgClient } from 'pg';
import { type Activities, createActivities } from '../../activities';
import type { ApiDependencies } from '../../api/app';
import { mount } from '../../api/operation';
import { UPGRADES } from '../../api/routes/upgrades';
import {
  bookVisitUpdate,
  ontReplacedSignal,
  progressQuery,
  type UpgradeProgress,
  type UpgradeWorkflowInput,
  type VisitBooker,
  visitReportedSignal,
} from '../../contracts/upgrade';
import { jakartaDateOf } from '../../domain/calendar';
import { reminderAt, slotsBetween } from '../../domain/visits';
import { EMAIL_FROM_DEFAULT, loadConfig } from '../../platform/config';
import { problemHandler } from '../../platform/http/problem';
import { createLogger } from '../../platform/logger';
import { type EmailTransport, OutboxEmailTransport } from '../../platform/notifications/email-transport';
import { LocalPushGateway } from '../../platform/notifications/push-gateway';
import { admitUpgrade } from '../../services/upgrade-admission';
import { UpgradeWorkflow } from '../../workflows';
import { addCustomers } from '../faults/support';
import { principalFor } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { recordHistoriesFrom } from '../helpers/histories';
import { http } from '../helpers/http';
import { createWorker, environmentForFile } from './environment';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;

const CUSTOMERS = ['29600001', '29600002', '29600003', '29600004', '29600005', '29600006'];

let t: TestDatabase;
let pg: PgClient;
let server: Server;
let apiUrl: string;
let worker: Worker;
let taskQueue: string;
let running: Promise<void>;
const recorded: string[] = [];

const env = environmentForFile({
  // The runs' histories are recorded and the worker stops before the server goes.
  beforeTeardown: async () => {
    await recordHistoriesFrom(env.client, recorded);
    worker?.shutdown();
    await running;
  },
});

beforeAll(async () => {
  t = await startTestDatabase();
  pg = new PgClient({ connectionString: t.url });
  await pg.connect();
  await addCustomers(
    pg,
    CUSTOMERS.map((id) => ({ id, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' as const })),
  );
  const activities: Activities = createActivities({
    db: t.db,
    logger: createLogger('silent'),
    email: slowly(new OutboxEmailTransport(t.db)),
    push: new LocalPushGateway(t.db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: async ({ billCode }) => `https://selfcare.example.test/v1/bills/${billCode}/statement`,
  });
  ({ worker, taskQueue } = await createWorker(env, { queue: 'visit-story', activities }));
  running = worker.run();

  const deps: ApiDependencies = {
    db: t.db,
    temporal: env.client,
    config: loadConfig({ NODE_ENV: 'test' }),
    logger: createLogger('silent'),
  };
  const app = express();
  app.use((req, res, next) => {
    res.locals.principal = principalFor(req.originalUrl);
    next();
  });
  app.use('/v1', mount(UPGRADES, deps, '/v1'));
  app.use(problemHandler(() => {}));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await pg?.end();
  await t?.teardown();
});

/**
 * An email provider that takes its time (Resend answers in a few hundred ms): the wait is busy
 * telling one event while the next ones arrive, the interleavings this file is about.
 */
function slowly(transport: EmailTransport): EmailTransport {
  return {
    name: `slow ${transport.name}`,
    send: async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return transport.send(message);
    },
  };
}

interface Run {
  upgradeId: string;
  handle: WorkflowHandle<typeof UpgradeWorkflow>;
  wo: string;
}

/** Admitted as the API admits it, started, and waiting for the technician. */
async function waitingRun(customerId: string, key: string): Promise<Run> {
  const upgradeId = `upgrade-${customerId}-${key}`;
  const { row } = await admitUpgrade(t.db, {
    upgradeId,
    customerId,
    idempotencyKey: key,
    targetPackageCode: 'STREAM-200-YEAR',
    requestedAt: new Date(),
  });
  const input: UpgradeWorkflowInput = {
    upgradeId,
    customerId,
    idempotencyKey: key,
    targetPackageCode: 'STREAM-200-YEAR',
    requestedAt: row.requestedAt.toISOString(),
    ontSwapSla: '30 days',
  };
  const handle = await env.client.workflow.start(UpgradeWorkflow, {
    workflowId: upgradeId,
    taskQueue,
    args: [input],
  });
  recorded.push(upgradeId);
  for (let i = 0; i < 400; i += 1) {
    const progress = await handle.query(progressQuery);
    if (progress.status === 'AWAITING_ONT_SWAP')
      return { upgradeId, handle, wo: progress.maintenanceWorkOrderNo! };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${upgradeId} never waited for the technician`);
}

/** Working-day dates at 08-10 from four days after the test server's now (past the 24-hour rule). */
async function daysAhead(n: number): Promise<string[]> {
  const from = jakartaDateOf(new Date((await env.currentTimeMs()) + 4 * 86_400_000));
  return slotsBetween(from, 21)
    .filter((s) => s.slot === '08-10')
    .slice(0, n)
    .map((s) => s.date);
}

const book = (run: Run, date: string, slot: string, by: VisitBooker = 'TECHNICIAN') =>
  run.handle.executeUpdate(bookVisitUpdate, {
    args: [{ workOrderNumber: run.wo, date, slot, by, minLeadHours: by === 'CUSTOMER' ? 24 : 0 }],
  });
const miss = (run: Run) =>
  run.handle.signal(visitReportedSignal, {
    workOrderNumber: run.wo,
    outcome: 'PENDING',
    category: 'CUSTOMER_NOT_HOME',
    remark: null,
    reportedAt: new Date().toISOString(),
  });
const swap = (run: Run) =>
  run.handle.signal(ontReplacedSignal, {
    workOrderNumber: run.wo,
    newOntSerial: `ZTEGD4B7${run.wo.slice(-4)}`,
    newOntModel: 'ZTE F670L',
    band: 'DUAL',
    technician: 'Budi (MISITEL)',
    replacedAt: new Date().toISOString(),
  });

interface Story {
  result: UpgradeProgress;
  query: UpgradeProgress;
  view: Json;
  bookingNotices: number;
}

async function storyOf(run: Run): Promise<Story> {
  const result = await run.handle.result();
  const query = await run.handle.query(progressQuery);
  const view = await http<Json>(apiUrl, 'GET', `/v1/upgrades/${run.upgradeId}`);
  expect(view.status).toBe(200);
  const { rows } = await pg.query(
    `SELECT count(*)::int AS n FROM "Notification" WHERE "upgradeId" = $1 AND kind = 'VISIT_BOOKED' AND channel = 'INBOX'`,
    [run.upgradeId],
  );
  return { result, query, view: view.body, bookingNotices: rows[0].n };
}

/**
 * The progress with its workflow-clock instants taken out, and those instants in order. A workflow
 * task that Temporal refuses to complete (a signal or update landed meanwhile) runs again a few
 * milliseconds later: the worker that answers the query after a replay noted the later instant,
 * the result the earlier one. The story (steps, visits, statuses, numbers) must agree exactly,
 * the instants within a second.
 */
function instantsApart(progress: UpgradeProgress): { story: unknown; instants: number[] } {
  const instants: number[] = [];
  const story = JSON.parse(JSON.stringify(progress), (_key, value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)) return value;
    instants.push(Date.parse(value));
    return 'an instant';
  });
  return { story, instants };
}

function expectSameProgress(query: UpgradeProgress, result: UpgradeProgress): void {
  const [asked, returned] = [instantsApart(query), instantsApart(result)];
  expect(asked.story).toEqual(returned.story);
  const gaps = asked.instants.map((at, i) => Math.abs(at - (returned.instants[i] ?? Number.NaN)));
  expect(gaps.filter((gap) => !(gap < 1_000))).toEqual([]);
}

/** The run's result, its query and the API say the same about every visit. */
function expectOneStory({ result, query, view, bookingNotices }: Story) {
  expectSameProgress(query, result);
  expect([result.status, view.status]).toEqual(['COMPLETED', 'COMPLETED']);
  const history: Json[] = view.ontSwap.appointmentHistory;
  const count = (name: string) => result.steps.filter((s) => s.name === name).length;
  // Every booking the rows hold was announced once, as a step and as a notice.
  expect(count('ONT_VISIT_BOOKED')).toBe(history.length);
  expect(bookingNotices).toBe(history.length);
  expect(count('ONT_VISIT_MISSED')).toBe(history.filter((a) => a.status === 'MISSED').length);
  const viewSteps = view.steps.map((s: Json) => s.name);
  for (const name of ['ONT_VISIT_BOOKED', 'ONT_VISIT_MISSED']) {
    expect([name, viewSteps.includes(name)]).toEqual([name, count(name) > 0]);
  }
  // The last visit is the one the run names, with the same outcome.
  const last = history.at(-1);
  expect(result.ontSwap?.visit ?? null).toEqual(
    last ? { date: last.date, slot: last.slot, status: last.status === 'MISSED' ? 'MISSED' : 'DONE' } : null,
  );
}

describe('the visit tells one story (result, query, API)', () => {
  it('booked, moved, reminded the day before, missed, rebooked, swapped: the view lists each visit step', async () => {
    const run = await waitingRun(CUSTOMERS[0]!, 'story');
    const [first, second, third] = await daysAhead(3);
    await book(run, first!, '08-10');
    await book(run, second!, '13-15', 'CUSTOMER');
    // To the evening before the moved visit: the reminder went at 09:00 Jakarta that day.
    await env.sleep(reminderAt(second!).getTime() + 3_600_000 - (await env.currentTimeMs()));
    await eventuallyTrue(async () => {
      const { rows } = await pg.query(
        `SELECT 1 FROM "Notification" WHERE "upgradeId" = $1 AND kind = 'VISIT_REMINDER' AND "deliveredAt" IS NOT NULL`,
        [run.upgradeId],
      );
      return rows.length > 0;
    });
    await miss(run);
    await eventuallyTrue(
      async () => (await run.handle.query(progressQuery)).ontSwap?.visit?.status === 'MISSED',
    );
    await book(run, third!, '10-12');
    await eventuallyTrue(async () => {
      const steps = (await run.handle.query(progressQuery)).steps;
      return steps.filter((s) => s.name === 'ONT_VISIT_BOOKED').length === 3;
    });
    await swap(run);
    const story = await storyOf(run);
    expectOneStory(story);
    const viewSteps = story.view.steps.map((s: Json) => s.name);
    expect(viewSteps).toEqual(
      expect.arrayContaining(['ONT_VISIT_BOOKED', 'ONT_VISIT_REMINDED', 'ONT_VISIT_MISSED']),
    );
    expect(story.view.ontSwap.appointmentHistory.map((a: Json) => a.status)).toEqual([
      'MOVED',
      'MISSED',
      'DONE',
    ]);
  });

  // Each sequence sent back to back: the next call as soon as the last one was answered.
  const sequences: Array<[string, (run: Run, days: string[]) => Promise<void>]> = [
    [
      'book-swap',
      async (run, [a]) => {
        await book(run, a!, '08-10');
      },
    ],
    [
      'book-move-swap',
      async (run, [a, b]) => {
        await book(run, a!, '08-10');
        await book(run, b!, '13-15', 'CUSTOMER');
      },
    ],
    [
      'book-miss-rebook-swap',
      async (run, [a, b]) => {
        await book(run, a!, '08-10');
        await miss(run);
        await book(run, b!, '15-17');
      },
    ],
    [
      'book-miss-swap',
      async (run, [a]) => {
        await book(run, a!, '08-10');
        await miss(run);
      },
    ],
    [
      'book-move-miss-rebook-swap',
      async (run, [a, b, c]) => {
        await book(run, a!, '08-10');
        await book(run, b!, '10-12', 'CUSTOMER');
        await miss(run);
        await book(run, c!, '13-15');
      },
    ],
  ];
  it.each(sequences.map(([name, drive], i) => ({ name, drive, customer: CUSTOMERS[i + 1]! })))(
    '$name, back to back',
    async ({ name, drive, customer }) => {
      const run = await waitingRun(customer, name);
      await drive(run, await daysAhead(3));
      await swap(run);
      expectOneStory(await storyOf(run));
    },
  );
});

async function eventuallyTrue(check: () => Promise<boolean>) {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await check()).toBe(true);
}
