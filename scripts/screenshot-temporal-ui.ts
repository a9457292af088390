/**
 * Screenshots of what an operator sees in the Temporal Web UI (for the README):
 *   node --import tsx scripts/screenshot-temporal-ui.ts <ui base url> <workflow id>
 */
import { launchChromium } from './lib/chromium';

async function main() {
  const [base, workflowId] = process.argv.slice(2);
  if (!base || !workflowId) throw new Error('usage: screenshot-temporal-ui.ts <ui base url> <workflow id>');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const query = encodeURIComponent('UpgradeStatus="AWAITING_ONT_SWAP"');
    await page.goto(`${base}/namespaces/default/workflows?query=${query}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'docs/temporal-ui-awaiting-swap.png' });
    await page.goto(`${base}/namespaces/default/workflows/${workflowId}`, { waitUntil: 'load' });
    await page.waitForTimeout(4000);
    await page.screenshot({ path: 'docs/temporal-ui-run.png', fullPage: false });
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
