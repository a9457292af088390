/**
 * The production topology (test/support/cluster/, as `npm run cluster` starts it): PostgreSQL, the
 * Temporal server as four processes with SQL visibility, the standalone Web UI, two workers and
 * two API processes. The deck scenarios run through it with the same assertions as the dev-server
 * e2e; then workers, Temporal services and API processes are killed and restarted under it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { Client as PgClient } from 'pg';
import type { Browser } from 'playwright-core';
import { generate } from 'selfsigned';
import { temporalTools } from '../../local/temporal-tools';
import { DEMO_CUSTOMERS } from '../../prisma/seed-data';
import { addCustomers } from '../faults/support';
import { asCustomer, asOperator, asTechnician, callerFor, tokensFrom } from '../helpers/auth';
import { startBrowser } from '../helpers/browser';
import { customerDataInTemporal } from '../helpers/customer-data';
import { deckScenarios } from '../helpers/deck-scenarios';
import { eventually, http } from '../helpers/http';
import { type ResendStandIn, startResendStandIn } from '../helpers/resend-stand-in';
import { testDataConverter } from '../helpers/temporal';
import { expectOperatorReadsRun, providerChoicesForUi } from '../helpers/temporal-ui';
import {
  type Cluster,
  type ClusterOptions,
  startCluster,
  throwAwayClusterOptions,
} from '../support/cluster/cluster';
import { TEMPORAL_SERVICES } from '../support/cluster/temporal-cluster';
import { clientTlsEnvironment, connectionTls } from '../support/cluster/temporal-tls';

const WAITS_THROUGH_RESTART = '29400001';

let options: ClusterOptions;
let cluster: Cluster;
let pg: PgClient;
let resend: ResendStandIn;
let connection: Connection;
let temporal: Client;

let operatorAuthorization: string;

beforeAll(async () => {
  resend = await startResendStandIn();
  options = await throwAwayClusterOptions('selfcare-cluster-', {
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: resend.url,
  });
  cluster = await startCluster(options);
  tokensFrom(cluster.issuerUrl!);
  operatorAuthorization = (await asOperator()).Authorization!;
  pg = new PgClient({ connectionString: cluster.databaseUrl });
  await pg.connect();
  connection = await connectAsOperator();
  temporal = new Client({ connection, dataConverter: testDataConverter });
}, 300_000);

/** The frontend requires a client certificate: the operator's, of the cluster's throw-away CA. */
const connectAsOperator = () =>
  Connection.connect({
    address: cluster.temporal.address,
    tls: connectionTls(cluster.temporal.tls!, 'operator'),
  });

afterAll(async () => {
  await pg?.end();
  await connection?.close();
  await cluster?.stop();
  await resend?.close();
  if (options) fs.rmSync(options.dataDir, { recursive: true, force: true });
}, 120_000);

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const call = async (baseUrl: string, method: string, urlPath: string, body?: unknown) =>
  http<Json>(baseUrl, method, urlPath, { body, headers: await callerFor(urlPath) });
const api = (i: 0 | 1) => cluster.apis[i]!.url!;
const rows = async (sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows;
const statusOf = (upgradeId: string, status: string, via: 0 | 1 = 0, timeoutMs = 60_000) =>
  eventually(
    () => call(api(via), 'GET', `/v1/upgrades/${upgradeId}`),
    (answer) => answer.body.status === status,
    timeoutMs,
  );
const startUpgrade = async (customerId: string, target: string, key: string, via: 0 | 1 = 0) => {
  const answer = await http<Json>(api(via), 'POST', `/v1/customers/${customerId}/upgrades`, {
    body: { targetPackageCode: target },
    headers: { ...(await callerFor(`/v1/customers/${customerId}/upgrades`)), 'Idempotency-Key': key },
  });
  expect(answer.status).toBe(202);
  return answer.body.upgradeId as string;
};

describe('the deck scenarios, started through one API process, reported through the other', () => {
  deckScenarios(() => ({
    apiUrl: api(0),
    technicianApiUrl: api(1),
    rows,
  }));
});

customerDataInTemporal(() => ({
  temporalAddress: cluster.temporal.address,
  temporalTls: {
    cliEnv: clientTlsEnvironment(cluster.temporal.tls!, 'operator'),
    connection: connectionTls(cluster.temporal.tls!, 'operator'),
  },
  codecEndpoint: cluster.apis[0]!.codecEndpoint!,
  codecAuth: operatorAuthorization,
  codecCertificatePath: cluster.codecCertificatePath,
}));

describe('the codec server of the API processes, which the Web UI is wired to', () => {
  it('decodes for an operator only: a customer’s token, a technician’s and none are refused', async () => {
    const history = await new Client({ connection }).workflow
      .getHandle('upgrade-21314849-deck-a')
      .fetchHistory();
    const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const body = {
      payloads: input.map((p) => ({
        metadata: Object.fromEntries(
          Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
        data: Buffer.from(p.data ?? []).toString('base64'),
      })),
    };
    // HTTPS with the cluster's development certificate (the UI passes tokens to https only).
    const decode = (headers: Record<string, string>) =>
      httpsJson(`${cluster.apis[1]!.codecEndpoint!}/decode`, body, { 'X-Namespace': 'default', ...headers });
    const operator = await decode(await asOperator());
    expect(operator.status).toBe(200);
    const [plain] = operator.body.payloads;
    expect(JSON.parse(Buffer.from(plain.data, 'base64').toString())).toMatchObject({
      customerId: '21314849',
    });
    expect((await decode(await asCustomer('21314849'))).status).toBe(403);
    expect((await decode(await asTechnician())).status).toBe(403);
    expect((await decode({})).status).toBe(401);
  });

  it('is the Web UI’s codec endpoint over HTTPS, given the signed-in operator’s access token', async () => {
    const settings = await http<Json>(cluster.temporal.uiUrl, 'GET', '/api/v1/settings');
    expect(cluster.apis[0]!.codecEndpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/codec$/);
    expect(settings.body.Codec).toMatchObject({
      Endpoint: cluster.apis[0]!.codecEndpoint,
      PassAccessToken: true,
      IncludeCredentials: false,
    });
    expect(settings.body.Auth).toMatchObject({ Enabled: true });
  });
});

describe('the standalone Web UI, operators signed in through the OpenID provider', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers only operators at the provider', async () => {
    expect(await providerChoicesForUi(browser, cluster.temporal.uiUrl)).toEqual([
      'Dimas Prasetyo Petugas Operasional (Temporal Web UI)',
    ]);
  });

  it('shows Dimas deck scenario B’s input decoded; its plan decodes for his token only', async () => {
    await expectOperatorReadsRun({
      browser,
      uiUrl: cluster.temporal.uiUrl,
      codecEndpoint: cluster.apis[0]!.codecEndpoint!,
      connection,
      workflowId: 'upgrade-21301029-deck-b',
      customer: DEMO_CUSTOMERS.find((c) => c.id === '21301029')!,
    });
  });
});

/** A JSON POST to the codec server over HTTPS, trusting the cluster's development certificate. */
function httpsJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: 'POST',
        ca: fs.readFileSync(cluster.codecCertificatePath!),
        headers: { 'content-type': 'application/json', ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('SQL visibility on PostgreSQL', () => {
  it('is the store the cluster uses', async () => {
    const info = await connection.workflowService.getClusterInfo({});
    expect(info.visibilityStore).toContain('postgres');
    expect(info.persistenceStore).toContain('postgres');
  });

  it('answers a list query on every custom search attribute', async () => {
    const [changeOnt] = await rows(
      `SELECT "ticketNo" FROM "Ticket" WHERE "upgradeId" = 'upgrade-21301029-deck-b' AND kind = 'CHANGE_ONT'`,
    );
    const [maintenance] = await rows(
      `SELECT "woNumber" FROM "WorkOrder" WHERE "upgradeId" = 'upgrade-21301029-deck-b' AND type = 'MAINTENANCE'`,
    );
    const queries: Array<[string, string[]]> = [
      ['CustomerId = "21314849"', ['upgrade-21314849-deck-a']],
      [
        'UpgradeStatus = "COMPLETED" AND CustomerId IN ("21314849", "21301029")',
        ['upgrade-21301029-deck-b', 'upgrade-21314849-deck-a'],
      ],
      ['TargetPackage = "STREAM-200-YEAR"', ['upgrade-21301029-deck-b']],
      [`TicketNumbers = "${changeOnt.ticketNo}"`, ['upgrade-21301029-deck-b']],
      [`WorkOrderNumbers = "${maintenance.woNumber}"`, ['upgrade-21301029-deck-b']],
      [
        'AwaitingOntSwapSince > "2000-01-01T00:00:00Z" AND CustomerId = "21301029"',
        ['upgrade-21301029-deck-b'],
      ],
    ];
    for (const [query, expected] of queries) {
      const ids = await eventually(
        async () => {
          const found: string[] = [];
          for await (const run of temporal.workflow.list({ query })) found.push(run.workflowId);
          return found.sort();
        },
        (found) => JSON.stringify(found) === JSON.stringify(expected),
        20_000,
      );
      expect({ query, ids }).toEqual({ query, ids: expected });
    }
  });
});

describe('the frontend, mTLS only (issue 31)', () => {
  const refused = (options: Omit<ConnectionOptions, 'address'>) =>
    expect(
      Connection.connect({ ...options, address: cluster.temporal.address, connectTimeout: 3_000 }).then(
        async (c) => {
          // Connected: a call must still fail (the handshake alert may come with the first call).
          try {
            await c.workflowService.getSystemInfo({});
          } finally {
            await c.close();
          }
        },
      ),
    ).rejects.toThrow();

  it('our API and worker processes connect with their client certificate', () => {
    for (const app of [...cluster.apis, ...cluster.workers]) {
      expect(app.env).toMatchObject(clientTlsEnvironment(cluster.temporal.tls!, 'app'));
    }
  });

  it('refuses a plaintext gRPC client', async () => {
    await refused({});
  });

  it('refuses a TLS client without a client certificate, and one with a certificate of another CA', async () => {
    const serverRootCACertificate = fs.readFileSync(cluster.temporal.tls!.caPath);
    await refused({ tls: { serverRootCACertificate, serverNameOverride: 'localhost' } });
    const stranger = await generate([{ name: 'commonName', value: 'not of the cluster CA' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'extKeyUsage', clientAuth: true }],
    });
    await refused({
      tls: {
        serverRootCACertificate,
        serverNameOverride: 'localhost',
        clientCertPair: { crt: Buffer.from(stranger.cert), key: Buffer.from(stranger.private) },
      },
    });
  });

  it('refuses the temporal CLI without a certificate; with the operator’s it answers', async () => {
    const cli = (env: Record<string, string>) =>
      promisify(execFile)(
        temporalTools().temporalCli,
        ['operator', 'cluster', 'health', '--address', cluster.temporal.address],
        { env: { ...process.env, ...env }, timeout: 20_000 },
      );
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    try {
      // Its own config file stays out of it: only what each call is given.
      const clean = { HOME: home, TEMPORAL_CONFIG_FILE: path.join(home, 'none.toml') };
      await expect(cli(clean)).rejects.toThrow();
      await expect(
        cli({
          ...clean,
          TEMPORAL_TLS_SERVER_CA_CERT_PATH: cluster.temporal.tls!.caPath,
          TEMPORAL_TLS_SERVER_NAME: 'localhost',
        }),
      ).rejects.toThrow();
      const { stdout } = await cli({ ...clean, ...clientTlsEnvironment(cluster.temporal.tls!, 'operator') });
      expect(stdout).toContain('SERVING');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('a worker SIGKILLed in the middle of an activity', () => {
  it('leaves the run to the other worker, which finishes it after a heartbeat timeout, not a 60 s one', async () => {
    const held = resend.holdNextRequest();
    const upgradeId = await startUpgrade('21400001', 'STREAM-150-SEM', 'kill-worker');
    await held; // the bill email is on its way, from one of the workers
    const pending = await eventually(
      () =>
        temporal.workflow
          .getHandle(upgradeId)
          .describe()
          .then((d) => d.raw.pendingActivities ?? []),
      (activities) => activities.some((a) => a.lastWorkerIdentity),
    );
    const identity = pending.find((a) => a.lastWorkerIdentity)!.lastWorkerIdentity!;
    const victim = cluster.workers.find((w) => identity.startsWith(`${w.process?.pid}@`));
    if (!victim) throw new Error(`no worker process has identity ${identity}`);
    const survivor = cluster.workers.find((w) => w !== victim)!;
    await cluster.kill(victim);
    const killedAt = Date.now();

    await statusOf(upgradeId, 'COMPLETED');
    const history = await temporal.workflow.getHandle(upgradeId).fetchHistory();
    const { EventType } = proto.api.enums.v1;
    const started = history.events!.filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
    const retried = started.find((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1);
    expect(retried?.activityTaskStartedEventAttributes?.identity).toMatch(
      new RegExp(`^${survivor.process?.pid}@`),
    );
    const completed = history.events!.find(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
    )!;
    const recoveryMs = Number(completed.eventTime!.seconds) * 1000 - killedAt;
    // The heartbeat timeout (5 s) plus the sticky queue's (5 s) plus the steps: well under the
    // notice's 60 s start-to-close timeout it would otherwise sit out.
    expect(recoveryMs).toBeLessThan(30_000);
    expect(await rows('SELECT 1 FROM "Bill" WHERE "upgradeId" = $1', [upgradeId])).toHaveLength(1);
    expect(resend.deliveries().filter((d) => d.idempotencyKey.includes(upgradeId))).toHaveLength(1);

    await cluster.start(victim);
  });
});

describe('Temporal services restarted while a run waits for the technician', () => {
  let upgradeId: string;
  let workOrder: string;

  it('the run waits through a restart of history, then of matching', async () => {
    upgradeId = await startUpgrade('21400002', 'STREAM-150-YEAR', 'restarts');
    const waiting = await statusOf(upgradeId, 'AWAITING_ONT_SWAP');
    workOrder = waiting.body.maintenanceWorkOrderNo;
    await cluster.temporal.restart('history');
    await cluster.temporal.restart('matching');
    expect((await statusOf(upgradeId, 'AWAITING_ONT_SWAP', 1)).body.status).toBe('AWAITING_ONT_SWAP');
  });

  it('one API process killed: the other serves, and takes the technician report that completes the run', async () => {
    await cluster.kill(cluster.apis[0]!);
    await expect(fetch(`${api(0)}/health`)).rejects.toThrow();
    const report = await call(api(1), 'POST', `/v1/technician/work-orders/${workOrder}/ont-replacement`, {
      newOntSerial: 'ZTEGD4B71D11',
      newOntModel: 'ZTE F670L',
      band: 'DUAL',
      technician: 'Budi',
    });
    expect(report.status).toBe(202);
    await statusOf(upgradeId, 'COMPLETED', 1);
    await cluster.start(cluster.apis[0]!);
    expect((await call(api(0), 'GET', `/v1/upgrades/${upgradeId}`)).body.status).toBe('COMPLETED');
  });
});

describe('Prometheus metrics', () => {
  const scrape = async (url: string) => {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    return answer.text();
  };

  it('every Temporal service serves its own', async () => {
    for (const service of TEMPORAL_SERVICES) {
      const text = await scrape(cluster.temporal.metricsUrls[service]);
      expect(text).toMatch(new RegExp(`service_name="${service}"`));
    }
  });

  it('each worker serves the SDK metrics, and each API its requests and the upgrade outcomes', async () => {
    for (const worker of cluster.workers) {
      expect(await scrape(worker.metricsUrl)).toMatch(
        /temporal_num_pollers\{[^}]*poller_type="workflow_task"/,
      );
    }
    for (const app of cluster.apis) {
      const text = await scrape(app.metricsUrl);
      expect(text).toMatch(/selfcare_upgrades\{status="COMPLETED"\} [4-9]/);
      expect(text).toContain('selfcare_upgrades_awaiting_ont_swap');
    }
    const second = await scrape(cluster.apis[1]!.metricsUrl);
    expect(second).toMatch(
      /selfcare_http_requests_total\{[^}]*route="\/v1\/technician\/work-orders\/:woNumber\/ont-replacement"/,
    );
  });
});

describe('a restart of the whole cluster', () => {
  it('keeps the data: a run waiting for the technician still waits, and completes on the report', async () => {
    await addCustomers(pg, [{ id: WAITS_THROUGH_RESTART, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' }]);
    const upgradeId = await startUpgrade(WAITS_THROUGH_RESTART, 'STREAM-200-YEAR', 'survives-restart');
    const waiting = await statusOf(upgradeId, 'AWAITING_ONT_SWAP');
    await pg.end();
    await connection.close();
    await cluster.stop();
    cluster = await startCluster(options);
    pg = new PgClient({ connectionString: cluster.databaseUrl });
    await pg.connect();
    connection = await connectAsOperator();
    temporal = new Client({ connection, dataConverter: testDataConverter });

    expect((await call(api(1), 'GET', `/v1/upgrades/${upgradeId}`)).body.status).toBe('AWAITING_ONT_SWAP');
    expect((await temporal.workflow.getHandle(upgradeId).describe()).status.name).toBe('RUNNING');
    const report = await call(
      api(1),
      'POST',
      `/v1/technician/work-orders/${waiting.body.maintenanceWorkOrderNo}/ont-replacement`,
      { newOntSerial: 'ZTEGD4B71E22', newOntModel: 'ZTE F670L', band: 'DUAL', technician: 'Budi' },
    );
    expect(report.status).toBe(202);
    await statusOf(upgradeId, 'COMPLETED');
  }, 240_000);
});
