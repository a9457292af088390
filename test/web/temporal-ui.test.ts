/**
 * The standalone Temporal Web UI (the server and config `npm run cluster` and compose run) in
 * Chromium, beside the dev-server stack: operators sign in through the OpenID provider (its
 * confidential client temporal-ui), open a run and read its input as the codec server decoded it
 * with their access token, over HTTPS; the provider offers nobody else; the codec server refuses a
 * customer's token, a technician's and none, answered to the UI's origin. The cluster test
 * repeats the sign-in on the production topology.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { Browser } from 'playwright-core';
import { type Launched, stopProcess } from '../../local/processes';
import { freePorts } from '../../platform/free-ports';
import { DEMO_CUSTOMERS } from '../../prisma/seed-data';
import { asCustomer, tokensFrom } from '../helpers/auth';
import { startBrowser } from '../helpers/browser';
import { http } from '../helpers/http';
import { type Stack, startStack } from '../helpers/stack';
import { choicesAtUiSignIn, expectOperatorReadsRun, providerChoicesForUi } from '../helpers/temporal-ui';
import { developmentUiSignIn } from '../support/cluster/cluster';
import { developmentCodecCertificate } from '../support/cluster/codec-tls';
import { startWebUi } from '../support/cluster/temporal-cluster';
import { launchProvider, providerEnv, type StartingProcess } from '../support/harness';

const CUSTOMER = DEMO_CUSTOMERS.find((c) => c.id === '21314849')!;
const WORKFLOW_ID = `upgrade-${CUSTOMER.id}-ui-sign-in`;
/** Where the provider sends the Selfcare app's sign-ins back to; the browser answers it itself. */
const SELFCARE = 'http://selfcare.test';

let provider: StartingProcess & { issuer: string };
let stack: Stack;
let ui: Launched;
let uiUrl: string;
let codecEndpoint: string;
let browser: Browser;
let connection: Connection;
let tlsDir: string;

beforeAll(async () => {
  const [oidcPort, uiPort] = (await freePorts(2)) as [number, number];
  uiUrl = `http://127.0.0.1:${uiPort}`;
  // The provider registers the UI's client for this UI's callback (scripts/oidc-provider.ts).
  provider = launchProvider(oidcPort, {
    NODE_ENV: 'test',
    DATA_DIR: '',
    TEMPORAL_UI_URL: uiUrl,
    PUBLIC_BASE_URL: SELFCARE,
  });
  await provider.ready();
  const { issuer } = provider;
  tokensFrom(issuer);
  tlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-codec-tls-'));
  const tls = await developmentCodecCertificate(tlsDir);
  [stack, browser] = await Promise.all([
    startStack({
      label: 'temporal-ui',
      apiEnv: {
        ...providerEnv(issuer, 'off'),
        CODEC_AUTH: 'operator',
        CODEC_TLS_CERT_PATH: tls.certPath,
        CODEC_TLS_KEY_PATH: tls.keyPath,
        TEMPORAL_UI_URL: uiUrl,
      },
    }),
    startBrowser(),
  ]);
  codecEndpoint = stack.codecEndpoint.replace(/^http:/, 'https:');
  ui = await startWebUi({
    address: stack.temporalAddress,
    port: uiPort,
    namespace: 'default',
    codecEndpoint,
    signIn: developmentUiSignIn(issuer, uiUrl),
  });
  connection = await Connection.connect({ address: stack.temporalAddress });
  const started = await http(stack.apiUrl, 'POST', `/v1/customers/${CUSTOMER.id}/upgrades`, {
    body: { targetPackageCode: 'STREAM-150-SEM' },
    headers: { ...(await asCustomer(CUSTOMER.id)), 'Idempotency-Key': 'ui-sign-in' },
  });
  expect(started.status).toBe(202);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await connection?.close();
  if (ui) await stopProcess(ui);
  if (stack) expect(await stack.teardown()).toEqual([]);
  if (provider) await stopProcess(provider);
  if (tlsDir) fs.rmSync(tlsDir, { recursive: true, force: true });
}, 120_000);

describe('the standalone Temporal Web UI, operators signed in through the OpenID provider', () => {
  it('offers only operators at the provider: the UI shows every customer’s runs', async () => {
    expect(await providerChoicesForUi(browser, uiUrl)).toEqual([
      'Dimas Prasetyo Petugas Operasional (Temporal Web UI)',
    ]);
  });

  it('asks again when the browser is signed in at the provider as a customer: her session is no way in', async () => {
    const context = await browser.newContext();
    try {
      await context.route(`${SELFCARE}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Selfcare</title>' }),
      );
      const page = await context.newPage();
      // The customer signs in to the Selfcare app's client (code + PKCE) in this browser.
      const signIn = new URL('/auth', provider.issuer);
      signIn.search = new URLSearchParams({
        client_id: 'selfcare-web',
        redirect_uri: `${SELFCARE}/app/auth/callback`,
        response_type: 'code',
        scope: 'openid',
        code_challenge: 'A'.repeat(43),
        code_challenge_method: 'S256',
        state: 'customer-first',
      }).toString();
      await page.goto(signIn.href);
      await page.getByRole('button', { name: new RegExp(CUSTOMER.name) }).click();
      await page.waitForURL((url) => url.href.startsWith(`${SELFCARE}/app/auth/callback?code=`));
      // Then opens the Temporal Web UI: the provider shows its page, which offers operators only.
      expect(await choicesAtUiSignIn(page, uiUrl)).toEqual([
        'Dimas Prasetyo Petugas Operasional (Temporal Web UI)',
      ]);
    } finally {
      await context.close();
    }
  });

  it('shows the signed-in operator the run’s input decoded by the codec server, and refuses everyone else there', async () => {
    await expectOperatorReadsRun({
      browser,
      uiUrl,
      codecEndpoint,
      connection,
      workflowId: WORKFLOW_ID,
      customer: CUSTOMER,
    });
  });
});
