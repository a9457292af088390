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
import { chromium } from 'playwright-core';
import { renderBillingStatement } from '../api/statement/render';
import type { BillView, StatementCustomer } from '../contracts/views';

const OUT_FILE = path.resolve(__dirname, '..', 'docs', 'billing-statement.png');
/** Wide enough for the 210 mm (794 px) sheet plus a margin of desk around it. */
const VIEWPORT = { width: 900, height: 800 };

/** The deck's "Billing Statement" slide: Stream 75 → Stream 150 Semesterly, billed 21 November 2025. */
const DECK_BILL: BillView = {
  billCode: '202511712857',
  customerId: '21314849',
  status: 'UNPAID',
  paidAmountIdr: 0,
  upgradeId: null,
  createdAt: '2025-11-21T13:34:28+07:00',
  links: { self: '/v1/bills/202511712857', statement: '/v1/bills/202511712857/statement' },
  period: '202511',
  billingDate: '2025-11-21',
  dueDate: '2025-11-28',
  billingMonth: { start: '2025-11-21', end: '2026-05-22', label: '21.11.2025-22.05.2026' },
  billCycle: 4,
  packageCode: 'STREAM-150-SEM',
  packageName: 'Stream 150 Semesterly',
  actualChargeIdr: 1_780_000,
  adjustmentIdr: 1_008_333,
  baseIdr: 695_225,
  vatRatePercent: 11,
  vatIdr: 76_475,
  totalIdr: 771_700,
  amountInWords: 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
  lines: [
    { label: 'Stream 150 Semesterly', amountIdr: 695_225 },
    { label: 'PPN 11 % / VAT 11 %', amountIdr: 76_475 },
    { label: 'Biaya Material', amountIdr: 0 },
    { label: 'Total Bill', amountIdr: 771_700 },
    { label: 'Adjustment', amountIdr: 0 },
  ],
};

const DECK_CUSTOMER: StatementCustomer = {
  id: '21314849',
  name: 'AHMAD TARMIZI',
  installationAddress:
    'JL. BUNYI BANGSAN RT 002 RW 002 NO 07 KEL TANGKERANG TIMUR KEC. TENAYAN RAYA PEKANBARU RIAU',
};

async function main(): Promise<void> {
  const html = renderBillingStatement({ bill: DECK_BILL, customer: DECK_CUSTOMER });
  await mkdir(path.dirname(OUT_FILE), { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
