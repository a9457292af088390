/**
 * Screenshots of what an operator sees in the Temporal Web UI (for the README), retaken whenever
 * the workflow's steps change:
 *   node --import tsx scripts/screenshot-temporal-ui.ts
 * starts a system of its own (free ports, throw-away data), runs deck scenario B up to the wait
 * for the technician, and writes docs/temporal-ui-awaiting-swap.png and docs/temporal-ui-run.png.
 * With `<ui base url> <workflow id>` it photographs a running system's UI instead.
 */
import { mintDevelopmentToken } from '../platform/auth';
import { type LocalSystem, startLocalSystem } from '../test/support/harness';
import { launchChromium } from './lib/chromium';

const SCENARIO_B = { customerId: '21301029', targetPackageCode: 'STREAM-200-YEAR', key: 'screenshot' };

async function main() {
  const [base, workflowId] = process.argv.slice(2);
  if (base && workflowId) return photograph(base, workflowId);
  const system = await startLocalSystem({ label: 'screenshot-ui' });
  try {
    const upgradeId = await scenarioBAwaitingSwap(system);
    await photograph(system.temporalUiUrl, upgradeId);
  } finally {
    await system.stop();
  }
}

/** Deck scenario B over the API, until the run waits for the technician. */
async function scenarioBAwaitingSwap(system: LocalSystem): Promise<string> {
  const { customerId, targetPackageCode, key } = SCENARIO_B;
  const token = await mintDevelopmentToken({
    role: 'customer',
    subject: customerId,
    hours: 1,
    issuer: system.issuerUrl,
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = await fetch(`${system.apiUrl}/v1/customers/${customerId}/upgrades`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': key },
    body: JSON.stringify({ targetPackageCode }),
  });
  if (started.status !== 202)
    throw new Error(`upgrade not started: ${started.status} ${await started.text()}`);
  const { upgradeId } = (await started.json()) as { upgradeId: string };
  for (let i = 0; i < 120; i += 1) {
    const view = (await (await fetch(`${system.apiUrl}/v1/upgrades/${upgradeId}`, { headers })).json()) as {
      status: string;
    };
    if (view.status === 'AWAITING_ONT_SWAP') return upgradeId;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${upgradeId} never reached AWAITING_ONT_SWAP`);
}

async function photograph(base: string, workflowId: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const query = encodeURIComponent('UpgradeStatus="AWAITING_ONT_SWAP"');
    await page.goto(`${base}/namespaces/default/workflows?query=${query}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'docs/temporal-ui-awaiting-swap.png' });
    // The run's page, reached from the list as an operator reaches it; it renders once its history
    // is loaded and decoded: wait for the SLA timer's summary in the timeline, then let it settle.
    await page.getByRole('link', { name: workflowId }).first().click();
    await page
      .getByText(/ONT swap SLA/)
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForTimeout(2000);
    await page.screenshot({ path: 'docs/temporal-ui-run.png', fullPage: false });
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
