/**
 * A screenshot of an upgrade's trace in the development trace viewer (for the README):
 *   node --import tsx scripts/screenshot-trace-viewer.ts <phoenix base url> <trace id>
 */
import { launchChromium } from './lib/chromium';

async function main() {
  const [base, traceId] = process.argv.slice(2);
  if (!base || !traceId) throw new Error('usage: screenshot-trace-viewer.ts <phoenix base url> <trace id>');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    // Phoenix redirects an OpenTelemetry trace ID to the trace in its project.
    await page.goto(`${base}/redirects/traces/${traceId}`, { waitUntil: 'networkidle' });
    // The span tree loads well after the page (hundreds of spans): wait for its search box, then
    // narrow the tree to the workflow's spans (the run, its activities and the technician's signal).
    const search = page.getByPlaceholder('Search trace');
    await search.waitFor({ state: 'visible', timeout: 120_000 });
    await page.waitForTimeout(3000);
    await search.fill(process.env.SPAN_FILTER ?? 'Workflow');
    await page.waitForTimeout(3000);
    await page.screenshot({ path: process.env.SCREENSHOT_PATH ?? 'docs/trace-viewer.png' });
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
