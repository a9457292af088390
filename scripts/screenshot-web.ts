/**
 * Phone-size screenshots (390 px wide, full page) of every screen of the Selfcare web app, into
 * docs/web/, for the README. Starts the whole system on free ports and a throw-away data folder,
 * plays deck scenario A and B as a customer (the vendor's booking and reports over the API),
 * then the technician app's day list and job card of scenario B's visit, and stops it again. Each
 * screen shot is checked with axe-core; the script fails when one is not clean.
 *
 *   npm run screenshots:web          (needs Chromium: CHROMIUM_PATH or /usr/bin/chromium)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { asTechnician, tokensFrom } from '../test/helpers/auth';
import { openPhone, signInAs, startBrowser } from '../test/helpers/browser';
import { http } from '../test/helpers/http';
import { visitSlotBegun } from '../test/helpers/visit-clock';
import { startLocalSystem } from '../test/support/harness';
import { buildWeb } from './build-web';
import { accessibilityFindings, checkedShot } from './lib/checked-shot';
import { csScreenshots } from './lib/cs-screenshots';

const OUT_DIR = path.resolve(__dirname, '..', 'docs', 'web');

async function shot(page: Page, file: string, ready: () => Promise<unknown>) {
  await ready();
  // The pushes are left out of the frame, so the shot shows the screen itself.
  // (Hidden by style, not removed: React owns those nodes; display, so they leave no gap.)
  await page.evaluate('document.querySelector(".pushes")?.style.setProperty("display", "none")');
  await checkedShot(page, OUT_DIR, file);
  await page.evaluate('document.querySelector(".pushes")?.style.removeProperty("display")');
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  buildWeb();
  const system = await startLocalSystem({ label: 'screenshots' });
  tokensFrom(system.issuerUrl);
  const browser = await startBrowser();
  const technician = async (method: string, url: string, body?: unknown) =>
    http<{ slots: { date: string }[] }>(system.apiUrl, method, url, { headers: await asTechnician(), body });
  try {
    const open = async () => (await openPhone(browser, system.apiUrl, 1)).page;
    const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

    const a = await open();
    await a.goto('/app/');
    await shot(a, 'sign-in.png', () => a.getByRole('button', { name: /AHMAD TARMIZI/ }).waitFor());
    await signInAs(a, 'AHMAD TARMIZI');
    await shot(a, 'home.png', () => a.getByText('Perangkat (ONT)').waitFor());
    await a.goto('/app/packages');
    await shot(a, 'packages.png', () => a.locator('.package-card').first().waitFor());
    await a.goto('/app/packages/STREAM-150-SEM');
    await shot(a, 'package-detail.png', () => a.getByText('Syarat & Ketentuan').waitFor());
    await a.goto('/app/packages/STREAM-150-SEM/upgrade');
    await shot(a, 'upgrade-quote.png', () =>
      a.getByText('Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah').waitFor(),
    );
    await a.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await a.locator('.status-line', { hasText: /^Selesai$/ }).waitFor({ timeout: 30_000 });
    await a
      .getByRole('region', { name: 'Notifikasi perangkat' })
      .getByText('Tagihan upgrade terbit')
      .waitFor();
    await a.screenshot({ path: path.join(OUT_DIR, 'push-notice.png') });
    console.log('→ docs/web/push-notice.png');
    await shot(a, 'upgrade-done.png', async () => undefined);
    await a.goto('/app/inbox');
    await shot(a, 'inbox.png', () => a.locator('.inbox-item').first().waitFor());
    await a.locator('.inbox-open').first().click();
    await shot(a, 'bill.png', () => a.getByTitle(/Billing Statement/).waitFor());
    // Bayar → BCA VA: the number Midtrans issued (here its local stand-in), then paid there.
    await a.getByRole('button', { name: 'Bayar Rp 771.700' }).click();
    await a.getByRole('radio', { name: 'Virtual Account BCA' }).check();
    await a.getByRole('button', { name: 'Lanjutkan' }).click();
    await shot(a, 'pay-va-bca.png', () => a.getByRole('status', { name: 'Nomor Virtual Account' }).waitFor());
    await a.getByRole('button', { name: 'Bayar (simulasi)' }).click();
    await a.getByText('Lunas. Pembayaran diterima, terima kasih!').waitFor({ timeout: 15_000 });
    await a.goto('/app/bills');
    await shot(a, 'bills.png', () => a.locator('.bill-card').first().waitFor());
    await a.goto('/app/payments');
    await shot(a, 'payments.png', () => a.locator('.payment').first().waitFor());
    await a.goto('/app/');
    await shot(a, 'home-after-upgrade.png', () =>
      a.getByText('Stream 150 Semesterly', { exact: true }).waitFor(),
    );

    const b = await open();
    await signInAs(b, 'FACHRI FATURACHMAN', '/app/packages/STREAM-200-YEAR/upgrade');
    await shot(b, 'upgrade-quote-ont-swap.png', () => b.getByText('ONT kamu perlu diganti').waitFor());
    await b.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await b.locator('.status-line', { hasText: 'Menunggu penggantian ONT' }).waitFor({ timeout: 30_000 });
    const facts = await b.locator('.facts').first().innerText();
    const wo = /WO maintenance\s+(WO-\d{8}-\d{7})/.exec(facts)?.[1];
    await shot(b, 'upgrade-waiting.png', async () => undefined);
    const slots = await technician('GET', `/v1/work-orders/${wo}/available-slots?days=7`);
    const lastDay = slots.body.slots.at(-1)!.date;
    await technician('POST', `/v1/technician/work-orders/${wo}/appointment`, {
      date: lastDay,
      slot: '08-10',
    });
    // The visit's card, not the push that says the same.
    const visit = b.getByRole('region', { name: 'Kunjungan teknisi (penggantian ONT)' });
    await shot(b, 'upgrade-visit-booked.png', () => visit.getByText(/Teknisi akan datang/).waitFor());
    // A visit is reported missed once its slot has begun: as if the days had passed.
    await visitSlotBegun(system.databaseUrl, wo!);
    await technician('POST', `/v1/technician/work-orders/${wo}/visit-report`, {
      outcome: 'PENDING',
      category: 'CUSTOMER_NOT_HOME',
    });
    await technician('POST', `/v1/technician/work-orders/${wo}/appointment`, {
      date: lastDay,
      slot: '15-17',
    });
    await shot(b, 'upgrade-visit-missed.png', () => visit.getByText(/Pelanggan tidak di rumah/).waitFor());
    await h1(b, 'Status Upgrade');

    // The technician app: the day of the visits (one missed, one booked), and the job card.
    const t = await open();
    await signInAs(t, 'Budi Hartono', '/app/technician');
    await t.goto(`/app/technician?date=${lastDay}`);
    await shot(t, 'technician-day-list.png', () =>
      t.getByRole('region', { name: 'Slot 15.00–17.00 WIB' }).getByText('FACHRI FATURACHMAN').waitFor(),
    );
    await t.getByRole('region', { name: 'Slot 15.00–17.00 WIB' }).getByRole('link').first().click();
    await shot(t, 'technician-job-card.png', () =>
      t.getByRole('region', { name: 'Riwayat kunjungan' }).waitFor(),
    );

    const m = await open();
    await signInAs(m, 'MAYA ANGGRAINI', '/app/packages');
    await shot(m, 'packages-empty.png', () => m.getByText('Belum ada paket upgrade').waitFor());
    // A second tab of the same browser opening the technician's app: it comes back as MAYA, and says so.
    const otherTab = await m.context().newPage();
    await otherTab.goto('/app/technician');
    await shot(otherTab, 'other-area.png', () => h1(otherTab, 'Halaman ini untuk teknisi'));

    await csScreenshots(browser, system, OUT_DIR);
  } finally {
    await browser.close();
    await system.stop();
  }
  const findings = accessibilityFindings();
  if (findings.length > 0) throw new Error(`axe-core found on the screens shot:\n${findings.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
