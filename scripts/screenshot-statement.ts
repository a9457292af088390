/**
 * Renders the deck's Billing Statement (AHMAD TARMIZI, bill 202511712857) and saves a full-page
 * PNG to docs/billing-statement.png, for review.
 *
 *   npx tsx scripts/screenshot-statement.ts
 *
 * Needs a Chromium binary: CHROMIUM_PATH, else /usr/bin/chromium (Debian: apt-get install chromium).
 * The page gets no network: every request it tries is aborted, so the PNG shows only what the
 * self-contained HTML carries.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { renderBillingStatement } from '../documents/statement/render';
import { DECK_BILL, DECK_CUSTOMER } from '../test/fixtures/deck-bill';
import { launchChromium } from './lib/chromium';

const OUT_FILE = path.resolve(__dirname, '..', 'docs', 'billing-statement.png');
/** Wide enough for the 210 mm (794 px) sheet plus a margin of desk around it. */
const VIEWPORT = { width: 900, height: 800 };

async function main(): Promise<void> {
  const html = renderBillingStatement({ bill: DECK_BILL, customer: DECK_CUSTOMER });
  await mkdir(path.dirname(OUT_FILE), { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: OUT_FILE, fullPage: true });
    console.log(`Billing Statement ${DECK_BILL.billCode} → ${path.relative(process.cwd(), OUT_FILE)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
