/**
 * The Selfcare web app in Chromium against the real system (started like `npm start`: embedded
 * PostgreSQL, Temporal dev server, worker, API serving /app/), driven as a customer would: by
 * role and visible text. Deck scenario A entirely through the screens, scenario B through the
 * screens with the technician's part over the API (the vendor books and reports), a double click
 * on confirm, refusals in words, the return to a deep link after sign-in, the keyboard, and
 * axe-core on every screen.
 */
import type { Browser, Page } from 'playwright-core';
import { formatVisit } from '../../domain/visits';
import { payAtStandIn } from '../../scripts/pay';
import { asCustomer, asTechnician } from '../helpers/auth';
import {
  accessibilityViolations,
  openPhone,
  type PhonePage,
  signInAs,
  signOut,
  waitForProviderSignIn,
} from '../helpers/browser';
import { eventually, http } from '../helpers/http';
import { visitSlotBegun } from '../helpers/visit-clock';
import type { LocalSystem } from '../support/harness';
import { webSystemForFile } from './web-system';

/** Where the payment screens' screenshots go (looked at by hand, 390×844). */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

let system: LocalSystem;
let browser: Browser;
const phones: PhonePage[] = [];

// Not one console error or CSP refusal on any page of the run.
webSystemForFile({ label: 'web', pages: phones }, (started) => {
  ({ system, browser } = started);
});

async function phone(): Promise<Page> {
  const opened = await openPhone(browser, system.apiUrl);
  phones.push(opened);
  return opened.page;
}

/** axe-core finds no serious or critical violation on the screen as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  expect([page.url(), await accessibilityViolations(page)]).toEqual([page.url(), []]);
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
type Json = any;
const api = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  http<Json>(system.apiUrl, method, path, { headers, body });

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const card = (page: Page, name: string) => page.getByRole('region', { name });
/** The upgrade's status, as the progress screen says it. */
const statusLine = (page: Page, text: string) =>
  page.locator('.status-line', { hasText: new RegExp(`^${text}$`) });
/** A tab of the tab bar. */
const tab = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name });

describe('deck scenario A through the screens: AHMAD TARMIZI, Stream 75 Semesterly → Stream 150 Semesterly', () => {
  let page: Page;
  let billCode: string;

  beforeAll(async () => {
    page = await phone();
  });

  it('signs in from the list of seeded customers and shows the Home Page', async () => {
    await signInAs(page, 'AHMAD TARMIZI');
    await heading(page, 'Halo, AHMAD TARMIZI').waitFor();
    const active = card(page, 'Paket Aktif');
    await active.getByText('Stream 75 Semesterly').waitFor();
    expect(await active.textContent()).toContain('Rp 1.210.000');
    expect(await card(page, 'Perangkat (ONT)').textContent()).toContain('Dual Band');
    await expectAccessible(page);
  });

  it('lists the eligible packages, opens one with its S&K, and quotes the deck bill', async () => {
    await page.getByRole('link', { name: 'Upgrade Paket' }).click();
    await heading(page, 'Daftar Paket').waitFor();
    await page.locator('.package-card').first().waitFor();
    const names = await page.locator('.package-card .package-name').allTextContents();
    expect(names[0]).toBe('Stream 100 Semesterly');
    expect(names).toContain('Stream 150 Semesterly');
    expect(names).not.toContain('Stream 75 Semesterly');
    await expectAccessible(page);

    await page.getByRole('link', { name: /^Stream 150 Semesterly/ }).click();
    await heading(page, 'Stream 150 Semesterly').waitFor();
    // S&K as a numbered list (the list numbers them, not "• 1."); the promo in words, not the Billing App's line.
    const clauses = card(page, 'Syarat & Ketentuan').locator('ol > li');
    expect(await clauses.count()).toBeGreaterThan(0);
    expect(await clauses.first().innerText()).toMatch(/^Paket Stream 150 Semesterly berlaku/);
    const promo = await card(page, 'Promo').innerText();
    expect(promo).toMatch(/Promo berlaku sampai \d{1,2} \w+ \d{4}, lalu kembali ke Stream 150 Semesterly\./);
    expect(promo).not.toMatch(/END PROMO|BACK TO/);
    await page.screenshot({ path: `${SCREENSHOTS}/selfcare-package.png`, fullPage: true });
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Upgrade ke paket ini' }).click();
    await heading(page, 'Konfirmasi Upgrade').waitFor();
    const bill = card(page, 'Tagihan');
    await bill.getByText('Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah').waitFor();
    const rows = await bill.locator('tr').allInnerTexts();
    // In Bahasa only: the price, the credit for the old package's 5 unused months, the rounding, PPN.
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Harga Stream 150 Semesterly 1.780.000',
      'Sisa 5 bulan Stream 75 Semesterly 1.210.000 × 5/6: bulan yang belum berjalan dari paketmu sekarang −1.008.333',
      'Selisih 771.667',
      'Pembulatan ke Rp 100 terdekat +33',
      'Total tagihan Rp 771.700',
      'Harga sebelum PPN 695.225',
      'PPN 11% 76.475',
    ]);
    expect(await bill.innerText()).not.toMatch(/Total Bill|Adjustment|Actual Tagihan|VAT/);
    expect(await page.getByText('ONT kamu perlu diganti').count()).toBe(0);
    // The confirm button is in view on arrival, above the tab bar, not under it.
    const confirm = page.getByRole('button', { name: 'Konfirmasi Upgrade' });
    const [button, tabbar] = await Promise.all([
      confirm.boundingBox(),
      page.getByRole('navigation', { name: 'Menu utama' }).boundingBox(),
    ]);
    expect(button!.y).toBeGreaterThan(0);
    expect(button!.y + button!.height).toBeLessThanOrEqual(tabbar!.y);
    // Nothing covers its middle (the tab bar, a banner): a tap there reaches it.
    const onTop = `(() => {
      const el = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Konfirmasi Upgrade');
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
    })()`;
    expect(await page.evaluate(onTop)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/selfcare-quote.png` });
    await expectAccessible(page);
  });

  it('confirms, follows the steps to the end, and the Home Page shows Stream 150 Semesterly', async () => {
    await page.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await page.waitForURL(/\/app\/upgrades\/upgrade-21314849-web-[0-9a-f]{32}$/);
    await heading(page, 'Status Upgrade').waitFor();
    await statusLine(page, 'Selesai').waitFor({ timeout: 30_000 });
    const facts = await page.locator('.facts').first().innerText();
    billCode = /Nomor tagihan\s+(\d{12})/.exec(facts)?.[1] ?? '';
    expect(billCode).toMatch(/^\d{6}712857$/);
    expect(facts).toMatch(/Tiket upgrade \(TT\)\s+\d{7}/);
    expect(facts).toMatch(/WO upgrade\s+WO-\d{8}-\d{7}/);
    expect(await page.getByRole('list', { name: 'Langkah upgrade' }).innerText()).toContain(
      'Upgrade selesai',
    );
    await expectAccessible(page);

    // The bill's device push, shown in the app while it is open: one, under the top bar, the title below it.
    const pushes = page.getByRole('region', { name: 'Notifikasi perangkat' });
    await pushes.getByText('Tagihan upgrade terbit').waitFor({ timeout: 15_000 });
    expect(await pushes.locator('.push').count()).toBe(1);
    const [banner, title] = await Promise.all([
      pushes.locator('.push').boundingBox(),
      heading(page, 'Status Upgrade').boundingBox(),
    ]);
    expect(banner!.y + banner!.height).toBeLessThanOrEqual(title!.y);
    // The unread count follows at once (the push is also an inbox notice).
    await tab(page, /^Inbox/)
      .getByText('1 belum dibaca')
      .waitFor({ timeout: 5_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/selfcare-push.png` });

    // Back from the progress: the package just bought, said as hers, no upgrade offered, no push following.
    await page.goBack();
    await heading(page, 'Stream 150 Semesterly').waitFor();
    await card(page, 'Paket ini sudah jadi paketmu').waitFor();
    expect(await page.getByRole('link', { name: 'Upgrade ke paket ini' }).count()).toBe(0);
    expect(await page.getByText(/bukan upgrade dari paketmu/).count()).toBe(0);
    expect(await pushes.locator('.push').count()).toBe(0);
    await expectAccessible(page);

    await tab(page, 'Beranda').click();
    await heading(page, 'Halo, AHMAD TARMIZI').waitFor();
    await card(page, 'Paket Aktif').getByText('Stream 150 Semesterly', { exact: true }).waitFor();
    expect(await card(page, 'Tagihan belum dibayar').textContent()).toContain('Rp 771.700');
    await expectAccessible(page);
  });

  it('has the bill notice in the inbox, unread first; opening it marks it read and opens the bill', async () => {
    await tab(page, /^Inbox/).click();
    await heading(page, 'Notifikasi').waitFor();
    const notice = page.locator('.inbox-open', { hasText: 'Tagihan upgrade terbit' });
    expect(await notice.textContent()).toContain('Baru');
    expect(await notice.textContent()).toContain('Rp 771.700');
    await expectAccessible(page);
    await notice.click();
    await page.waitForURL(`**/app/bills/${billCode}`);
    const read = await api('GET', '/v1/customers/21314849/inbox', await asCustomer('21314849'));
    expect(read.body.notifications.map((n: Json) => [n.kind, n.read])).toEqual([['BILL_ISSUED', true]]);
  });

  it('shows the bill with its statement, pays it by BCA VA after switching from QRIS, and lists the payment', async () => {
    await heading(page, `Tagihan ${billCode}`).waitFor();
    const facts = await page.locator('.facts').first().innerText();
    expect(facts).toMatch(/Status\s+Belum dibayar/);
    expect(facts).not.toContain('UNPAID');
    // The server's statement, in a sandboxed frame of the app.
    const statement = page.getByTitle(`Billing Statement ${billCode}`);
    await statement.waitFor();
    const html = (await statement.getAttribute('srcdoc')) ?? '';
    expect(html).toContain('Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah');
    expect(html).toContain('771.700');
    // The A4 sheet reflows inside the phone's frame: nothing to scroll sideways.
    const frame = page.frameLocator(`[title="Billing Statement ${billCode}"]`);
    await frame.locator('.sheet').waitFor();
    const widths = await frame.locator('html').evaluate((root) => {
      const box = root as unknown as { scrollWidth: number; clientWidth: number };
      return { content: box.scrollWidth, frame: box.clientWidth };
    });
    expect(widths.content).toBeLessThanOrEqual(widths.frame);
    await expectAccessible(page);

    // Bayar → QRIS: the code drawn in the page from its payload, the exact amount, the deadline in WIB.
    await page.getByRole('button', { name: 'Bayar Rp 771.700' }).click();
    await page.getByRole('radio', { name: /^QRIS/ }).check();
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('img', { name: 'Kode QRIS untuk dipindai' }).waitFor();
    const qris = page.getByRole('region', { name: 'Cara membayar' });
    expect(await qris.innerText()).toMatch(
      /Rp 771\.700[\s\S]*Bayar sebelum\s+\d{1,2} \w+ \d{4}, \d{2}\.\d{2} WIB/,
    );
    expect(await qris.innerText()).toContain('Aplikasi e-wallet');
    await page.screenshot({ path: `${SCREENSHOTS}/pay-qris.png`, fullPage: true });
    await expectAccessible(page);

    // Ganti metode → BCA VA: the QRIS order is cancelled, a VA number to copy, the steps per channel.
    await page.getByRole('button', { name: 'Ganti metode' }).click();
    await page.getByRole('group', { name: 'Pilih metode pembayaran' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/pay-methods.png`, fullPage: true });
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'Virtual Account BCA' }).check();
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    const number = page.getByRole('status', { name: 'Nomor Virtual Account' });
    await number.waitFor();
    const vaNumber = (await number.innerText()).trim();
    expect(vaNumber).toMatch(/^\d{11}$/);
    await page.getByRole('button', { name: 'Salin Nomor Virtual Account' }).waitFor();
    for (const channel of ['ATM', 'm-BCA (BCA mobile)', 'KlikBCA'])
      await page.getByText(channel, { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Cara membayar' }).innerText()).toContain(
      `Masukkan nomor Virtual Account ${vaNumber}.`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/pay-va-bca.png`, fullPage: true });
    await expectAccessible(page);
    const attempts = await api('GET', `/v1/bills/${billCode}/payment-attempts`, await asCustomer('21314849'));
    expect(attempts.body.attempts.map((a: Json) => [a.method, a.status])).toEqual([
      ['VA_BCA', 'PENDING'],
      ['QRIS', 'CANCELLED'],
    ]);

    // Paid at that number, as Midtrans's simulator pays (npm run pay): the screen turns Lunas.
    const paid = await payAtStandIn({ gatewayUrl: system.midtransUrl, paymentCode: vaNumber });
    expect(paid.notificationStatus).toBe(200);
    await page.getByText('Lunas. Pembayaran diterima, terima kasih!').waitFor({ timeout: 15_000 });
    await page.locator('.facts').getByText('Lunas', { exact: true }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/pay-lunas.png`, fullPage: true });
    const bill = await api('GET', `/v1/bills/${billCode}`, await asCustomer('21314849'));
    expect(bill.body).toMatchObject({ status: 'PAID', paidAmountIdr: 771_700 });

    await tab(page, 'Riwayat').click();
    await heading(page, 'Riwayat Pembayaran').waitFor();
    const payment = page.locator('.payment').first();
    await payment.getByText(`Pembayaran tagihan ${billCode}`).waitFor();
    expect(await payment.innerText()).toContain('Rp 771.700');
    expect(await payment.innerText()).toContain(`Pembayaran tagihan ${billCode}`);
    expect(await payment.innerText()).toContain('Virtual Account BCA');
    // The seeded payments too: methods in words, no code.
    expect(await page.locator('.payment-list').innerText()).not.toMatch(/[A-Z]+_[A-Z]+/);
    await expectAccessible(page);

    await tab(page, 'Tagihan').click();
    await heading(page, 'Tagihan').waitFor();
    // The list may show its cached page first and then the refetched one (stale while revalidate).
    await page.locator('.bill-card').first().getByText('Lunas', { exact: true }).waitFor();
    expect(await page.locator('.bill-list').innerText()).not.toMatch(/UNPAID|PAID|VOID/);
    await expectAccessible(page);
  });
});

describe('deck scenario B: FACHRI FATURACHMAN, Stream 50 Yearly → Stream 200 Yearly, single-band ONT', () => {
  let page: Page;
  let upgradeUrl: string;
  let woNumber: string;
  let lastDay: string;

  it('returns to the quote opened before sign-in and warns that the ONT must be swapped', async () => {
    page = await phone();
    await signInAs(page, 'FACHRI FATURACHMAN', '/app/packages/STREAM-200-YEAR/upgrade');
    await heading(page, 'Konfirmasi Upgrade').waitFor();
    await card(page, 'ONT kamu perlu diganti').waitFor();
    expect(await card(page, 'ONT kamu perlu diganti').textContent()).toContain('Single Band');
    await expectAccessible(page);
  });

  it('confirms and waits for the technician, with the TT and the maintenance WO', async () => {
    await page.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await page.waitForURL(/\/app\/upgrades\//);
    upgradeUrl = new URL(page.url()).pathname;
    await statusLine(page, 'Menunggu penggantian ONT').waitFor({ timeout: 30_000 });
    const facts = await page.locator('.facts').first().innerText();
    woNumber = /WO maintenance\s+(WO-\d{8}-\d{7})/.exec(facts)?.[1] ?? '';
    expect(woNumber).not.toBe('');
    expect(facts).toMatch(/Tiket ganti ONT \(TT\)\s+\d{7}/);
    const visit = card(page, 'Kunjungan teknisi (penggantian ONT)');
    // When to expect the vendor's call, while she may book herself.
    await visit.getByText(/akan menghubungi kamu dalam 1×24 jam kerja/).waitFor();
    // Pushes arriving together (the bill, the ONT swap) are shown one at a time.
    const pushes = page.getByRole('region', { name: 'Notifikasi perangkat' });
    await pushes.locator('.push').first().waitFor({ timeout: 15_000 });
    expect(await pushes.locator('.push').count()).toBe(1);
    await expectAccessible(page);
  });

  it('puts what needs her first on the Home Page, and she books the first visit herself', async () => {
    await tab(page, 'Beranda').click();
    await heading(page, 'Halo, FACHRI FATURACHMAN').waitFor();
    await card(page, 'Jadwalkan kunjungan teknisi').waitFor();
    await card(page, 'Tagihan belum dibayar').waitFor();
    const order = await page
      .locator('main section.card')
      .evaluateAll((cards) =>
        cards.map((c) =>
          (c as unknown as { getAttribute(name: string): string | null }).getAttribute('aria-label'),
        ),
      );
    expect(order.slice(0, 3)).toEqual([
      'Tagihan belum dibayar',
      'Jadwalkan kunjungan teknisi',
      'Paket Aktif',
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/selfcare-home-b.png`, fullPage: true });
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Pilih jadwal kunjungan' }).click();
    await page.waitForURL(`**${upgradeUrl}`);
    const slots = await api(
      'GET',
      `/v1/work-orders/${woNumber}/available-slots?days=7`,
      await asTechnician(),
    );
    lastDay = slots.body.slots.at(-1).date;
    const visit = card(page, 'Kunjungan teknisi (penggantian ONT)');
    await visit.getByRole('group', { name: 'Pilih jadwal kunjungan' }).waitFor();
    await visit.getByRole('radio', { name: new RegExp(`^${formatVisit(lastDay, '08-10')}`) }).check();
    await page.screenshot({ path: `${SCREENSHOTS}/selfcare-book-first.png`, fullPage: true });
    await visit.getByRole('button', { name: 'Pesan jadwal ini' }).click();
    await visit.getByText(/Kunjungan teknisi dijadwalkan .*08\.00–10\.00 WIB/).waitFor();
    await visit.getByText(/Teknisi akan datang .*08\.00–10\.00 WIB.*dijadwalkan oleh kamu/).waitFor();
    const booked = await api(
      'GET',
      `/v1/upgrades/${upgradeUrl.split('/').at(-1)}`,
      await asCustomer('21301029'),
    );
    expect(booked.body.ontSwap.appointment).toMatchObject({
      date: lastDay,
      slot: '08-10',
      bookedBy: 'CUSTOMER',
    });
    await expectAccessible(page);
  });

  it('moves the visit to another free slot', async () => {
    const visit = card(page, 'Kunjungan teknisi (penggantian ONT)');

    // Both the visit booked and the new one are more than 24 hours away: the move is allowed.
    await visit.getByRole('radio', { name: new RegExp(`^${formatVisit(lastDay, '13-15')}`) }).check();
    await visit.getByRole('button', { name: 'Simpan jadwal baru' }).click();
    await visit.getByText(/Jadwal kunjungan diubah ke .*13\.00–15\.00 WIB/).waitFor();
    await visit.getByText(/Teknisi akan datang .*13\.00–15\.00 WIB.*dijadwalkan oleh kamu/).waitFor();
    const wo = await api('GET', `/v1/upgrades/${upgradeUrl.split('/').at(-1)}`, await asCustomer('21301029'));
    expect(wo.body.ontSwap.appointment).toMatchObject({ date: lastDay, slot: '13-15', bookedBy: 'CUSTOMER' });
  });

  it('explains a missed visit, then completes on the technician’s report: dual band at home, the notice in the inbox', async () => {
    // A missed visit is reported once its slot has begun: the booked slot's clock is moved to now.
    await visitSlotBegun(system.databaseUrl, woNumber);
    const missed = await api(
      'POST',
      `/v1/technician/work-orders/${woNumber}/visit-report`,
      await asTechnician(),
      {
        outcome: 'PENDING',
        category: 'CUSTOMER_NOT_HOME',
      },
    );
    expect(missed.status).toBe(202);
    const visit = card(page, 'Kunjungan teknisi (penggantian ONT)');
    await visit.getByText(/13\.00–15\.00 WIB: Pelanggan tidak di rumah/).waitFor({ timeout: 15_000 });
    await expectAccessible(page);

    const again = await api(
      'POST',
      `/v1/technician/work-orders/${woNumber}/appointment`,
      await asTechnician(),
      {
        date: lastDay,
        slot: '15-17',
      },
    );
    expect(again.status).toBe(201);
    const swapped = await api(
      'POST',
      `/v1/technician/work-orders/${woNumber}/ont-replacement`,
      await asTechnician(),
      {
        newOntSerial: 'ZTEGD4B71C05',
        newOntModel: 'ZTE F670L',
        band: 'DUAL',
        early: true,
      },
    );
    expect(swapped.status).toBe(202);
    await statusLine(page, 'Selesai').waitFor({ timeout: 30_000 });

    await tab(page, 'Beranda').click();
    const device = card(page, 'Perangkat (ONT)');
    await device.getByText('Dual Band').waitFor();
    expect(await device.innerText()).toContain('ZTEGD4B71C05');
    expect(await card(page, 'Paket Aktif').innerText()).toContain('Stream 200 Yearly');

    await tab(page, /^Inbox/).click();
    const first = page.locator('.inbox-item').first();
    await first.locator('.inbox-title', { hasText: 'Penggantian ONT selesai' }).waitFor();
    expect(await first.innerText()).toContain('Baru');
    await expectAccessible(page);
  });

  it('pays its bill by QRIS: the code on the screen, paid with an e-wallet, the screen turns Lunas', async () => {
    const bills = await api('GET', '/v1/customers/21301029/bills', await asCustomer('21301029'));
    const bill = bills.body.bills.find((b: Json) => b.status === 'UNPAID');
    await page.goto(`${system.apiUrl}/app/bills/${bill.billCode}`);
    await heading(page, `Tagihan ${bill.billCode}`).waitFor();
    await page.getByRole('button', { name: /^Bayar Rp/ }).click();
    await page.getByRole('radio', { name: /^QRIS/ }).check();
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('img', { name: 'Kode QRIS untuk dipindai' }).waitFor();
    await expectAccessible(page);
    const pending = await api(
      'GET',
      `/v1/bills/${bill.billCode}/payment-attempts`,
      await asCustomer('21301029'),
    );
    const paid = await payAtStandIn({
      gatewayUrl: system.midtransUrl,
      paymentCode: pending.body.attempts[0].qrString,
    });
    expect(paid.notificationStatus).toBe(200);
    await page.getByText('Lunas. Pembayaran diterima, terima kasih!').waitFor({ timeout: 15_000 });
    await tab(page, 'Riwayat').click();
    await page.locator('.payment').first().getByText(/QRIS/).waitFor();
  });
});

describe('the confirmation and its refusals', () => {
  it('starts one upgrade for a double click on confirm (one Idempotency-Key per confirmation)', async () => {
    const page = await phone();
    await signInAs(page, 'SITI RAHMAWATI', '/app/packages/STREAM-150-SEM/upgrade');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/customers/21400001/upgrades')) {
        posts.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    await page.getByRole('button', { name: 'Konfirmasi Upgrade' }).dblclick();
    await page.waitForURL(/\/app\/upgrades\//);
    const upgrades = await eventually(
      async () => api('GET', '/v1/customers/21400001/upgrades', await asCustomer('21400001')),
      (answer) => answer.body.upgrades.length > 0,
    );
    expect(upgrades.body.upgrades).toHaveLength(1);
    expect(new Set(posts).size).toBe(1);
    expect(posts.length).toBeGreaterThanOrEqual(1);
  });

  it('says in words why a package cannot be chosen, and why a second upgrade must wait', async () => {
    const page = await phone();
    // The package's page says why, and offers no upgrade button.
    await signInAs(page, 'DEWI LESTARI', '/app/packages/STREAM-150-MON');
    await heading(page, 'Stream 150 Monthly').waitFor();
    const why = card(page, 'Paket ini bukan upgrade dari paketmu');
    await why.waitFor();
    expect(await why.innerText()).toMatch(
      /Masa langganannya \(1 bulan \(Monthly\)\) lebih pendek dari paketmu sekarang/,
    );
    expect(await page.getByRole('link', { name: 'Upgrade ke paket ini' }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/selfcare-not-eligible.png`, fullPage: true });
    await expectAccessible(page);
    await page.goto('/app/packages/STREAM-150-MON/upgrade');
    await page
      .getByRole('alert')
      .getByText(/bukan upgrade dari paketmu/)
      .waitFor();
    await expectAccessible(page);

    // SITI's upgrade above is still running or done; BUDI (single band) starts one and waits: a second is refused.
    await signOut(page);
    await signInAs(page, 'BUDI SANTOSO', '/app/packages/STREAM-150-YEAR/upgrade');
    await page.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await page.waitForURL(/\/app\/upgrades\//);
    await statusLine(page, 'Menunggu penggantian ONT').waitFor({ timeout: 30_000 });
    await page.goto('/app/packages/STREAM-200-YEAR/upgrade');
    await page.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await page
      .getByRole('alert')
      .getByText(/Masih ada upgrade lain yang sedang diproses/)
      .waitFor();
    await page.getByRole('link', { name: 'Lihat upgrade yang sedang berjalan' }).waitFor();
  });

  it('shows the empty state when no package is above the current one', async () => {
    const page = await phone();
    await signInAs(page, 'MAYA ANGGRAINI', '/app/packages');
    await page.getByRole('heading', { name: 'Belum ada paket upgrade' }).waitFor();
    await expectAccessible(page);
  });
});

describe('links, sign-in and keyboard', () => {
  it('maps a notice’s deep link onto its screen, after the sign-in it needs', async () => {
    const page = await phone();
    const bills = await api('GET', '/v1/customers/21314849/bills', await asCustomer('21314849'));
    const code = bills.body.bills[0].billCode;
    const authorizing = page.waitForRequest((r) => r.url().startsWith(`${system.issuerUrl}/auth?`));
    await page.goto(`/app/open?link=${encodeURIComponent(`oxygenid://bills/${code}`)}`);
    await waitForProviderSignIn(page);
    // The provider's own page, asked for with PKCE by the app's public client.
    const authorize = new URL((await authorizing).url()).searchParams;
    expect([authorize.get('client_id'), authorize.get('response_type')]).toEqual(['selfcare-web', 'code']);
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(new URL(page.url()).origin).toBe(new URL(system.issuerUrl).origin);
    await expectAccessible(page);
    await page.getByRole('button', { name: /AHMAD TARMIZI/ }).click();
    await heading(page, `Tagihan ${code}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/bills/${code}`);
    await page.goto('/app/nothing-here');
    await heading(page, 'Halaman tidak ditemukan').waitFor();
  });

  it('keeps the tokens in this tab only, and signs out at the provider', async () => {
    const page = await phone();
    await signInAs(page, 'AHMAD TARMIZI');
    await heading(page, 'Halo, AHMAD TARMIZI').waitFor();
    const stored = await page.evaluate(
      '({ session: Object.keys(sessionStorage).filter((k) => k.startsWith("oidc.user:")).length, local: Object.keys(localStorage).length })',
    );
    expect(stored).toEqual({ session: 1, local: 0 });
    // Back at /app/, signed out here and at the provider: its sign-in page again.
    await signOut(page);
    expect(new URL(page.url()).origin).toBe(new URL(system.issuerUrl).origin);
    await expectAccessible(page);
  });

  it('is usable with the keyboard alone: sign in, open the package list, open a package', async () => {
    const page = await phone();
    await page.goto('/app/');
    await waitForProviderSignIn(page);
    await tabTo(page, /RIZKY PRATAMA/);
    await page.keyboard.press('Enter');
    await heading(page, 'Halo, RIZKY PRATAMA').waitFor();
    await tabTo(page, /^Upgrade Paket$/);
    await page.keyboard.press('Enter');
    await heading(page, 'Daftar Paket').waitFor();
    // The heading comes before the list (its data and chunk may still be on the way).
    await page.getByRole('link', { name: /^Stream 200 Monthly/ }).waitFor();
    await tabTo(page, /^Stream 200 Monthly/);
    await page.keyboard.press('Enter');
    await heading(page, 'Stream 200 Monthly').waitFor();
  });
});

/** Presses Tab until the focused element's text matches (at most 40 times). */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = String(
      await page.evaluate(
        'document.activeElement === document.body ? "" : (document.activeElement?.textContent?.trim() ?? "")',
      ),
    );
    if (name.test(focused)) return;
    seen.push(focused.slice(0, 40));
  }
  throw new Error(`no focusable element named ${name} within 40 tabs; focused: ${seen.join(' | ')}`);
}
