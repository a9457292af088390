/**
 * The technician app in Chromium against the real system (started like `npm start`), with the
 * customer in a second phone: deck scenario B closed by people clicking. FACHRI upgrades to a
 * package that needs a dual-band ONT in the Selfcare app; the installer vendor's technician
 * (Budi, MISITEL) finds the work order in the day list, opens its job card (the WO Maintenance
 * form) and books the visit; FACHRI moves it; the technician reports the visit missed (OTHER,
 * which needs a remark), books again and reports the swap (refused in words while the ONT is
 * single band, and before the visit's day until it is said to be early); FACHRI sees the upgrade
 * completed; the CS agent (Rina) finds FACHRI by phone in the CS console and reads the whole story
 * there: every TT, WO, bill and notice, and her own note in the audit trail. axe-core on every
 * technician screen.
 */
import type { Browser, Page } from 'playwright-core';
import { jakartaDateOf } from '../../domain/calendar';
import { formatLongDate } from '../../domain/format';
import { formatVisit } from '../../domain/visits';
import { asCs, asTechnician } from '../helpers/auth';
import {
  accessibilityViolations,
  openDesktop,
  openPhone,
  openTab,
  type PhonePage,
  signInAs,
  waitForProviderSignIn,
} from '../helpers/browser';
import { eventually, http } from '../helpers/http';
import { visitSlotBegun } from '../helpers/visit-clock';
import type { LocalSystem } from '../support/harness';
import { webSystemForFile } from './web-system';

const ACCESS_TOKEN_SECONDS = 75;
let system: LocalSystem;
let browser: Browser;
const phones: PhonePage[] = [];

// Access tokens of 75 s: the app renews each a minute before its end, so every tab renews every
// 15 s while the story runs, and the last test watches one renewal.
webSystemForFile(
  { label: 'web-tech', pages: phones, env: { OIDC_ACCESS_TOKEN_SECONDS: String(ACCESS_TOKEN_SECONDS) } },
  (started) => {
    ({ system, browser } = started);
  },
);

async function phone(): Promise<Page> {
  const opened = await openPhone(browser, system.apiUrl);
  phones.push(opened);
  return opened.page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect([page.url(), await accessibilityViolations(page)]).toEqual([page.url(), []]);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const card = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const statusLine = (page: Page, text: string) =>
  page.locator('.status-line', { hasText: new RegExp(`^${text}$`) });
const slotCard = (page: Page, slot: string) => card(page, `Slot ${slot.replace('-', '.00–')}.00 WIB`);

describe('deck scenario B by clicking: the customer upgrades, the technician books, reports and swaps', () => {
  let customer: Page;
  let technician: Page;
  let woNumber: string;
  let lastDay: string;
  let upgradeId: string;

  beforeAll(async () => {
    [customer, technician] = await Promise.all([phone(), phone()]);
  });

  it('FACHRI upgrades to Stream 200 Yearly in the Selfcare app and waits for the technician', async () => {
    await signInAs(customer, 'FACHRI FATURACHMAN', '/app/packages/STREAM-200-YEAR/upgrade');
    await card(customer, 'ONT kamu perlu diganti').waitFor();
    await customer.getByRole('button', { name: 'Konfirmasi Upgrade' }).click();
    await customer.waitForURL(/\/app\/upgrades\//);
    upgradeId = decodeURIComponent(new URL(customer.url()).pathname.split('/').at(-1) ?? '');
    await statusLine(customer, 'Menunggu penggantian ONT').waitFor({ timeout: 30_000 });
    const facts = (await customer.locator('.facts').first().textContent()) ?? '';
    woNumber = /WO maintenance\s*(WO-\d{8}-\d{7})/.exec(facts)?.[1] ?? '';
    expect(woNumber).not.toBe('');
  });

  it('the technician signs in and finds the work order still to be booked in today’s list', async () => {
    await signInAs(technician, 'Budi Hartono', '/app/technician');
    await heading(technician, 'Jadwal hari ini').waitFor();
    // The header names him, not his account.
    const banner = technician.getByRole('banner');
    await banner.getByText('Budi Hartono · MISITEL').waitFor();
    expect(await banner.textContent()).not.toContain('tech-budi');
    const toBook = card(technician, 'Belum dijadwalkan');
    const row = toBook.getByRole('link', { name: new RegExp(woNumber) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/FACHRI FATURACHMAN.*VIP.*Belum dijadwalkan/);
    expect(await technician.getByText('Vendor MISITEL').count()).toBe(1);
    // What needs doing leads: the work orders to book, before the day's empty slots (in one line).
    const cards = await technician.locator('main section.card > h2').allTextContents();
    expect(cards[0]).toBe('Belum dijadwalkan');
    expect(cards.indexOf('Slot tanpa kunjungan')).toBeGreaterThan(0);
    await expectAccessible(technician);

    // The area filter keeps it in Jakarta, in the URL too.
    await technician.getByLabel('Area').selectOption('JKT');
    await technician.waitForURL(/area=JKT/);
    await row.waitFor();
  });

  it('opens the job card: the WO Maintenance form with the customer, homepass, FAT and the ONT now', async () => {
    await card(technician, 'Belum dijadwalkan')
      .getByRole('link', { name: new RegExp(woNumber) })
      .click();
    await heading(technician, woNumber).waitFor();
    const form = card(technician, 'Work Order');
    const text = (await form.textContent()) ?? '';
    for (const field of [
      'MAINTENANCE',
      'Menunggu penggantian ONT (Replacing)',
      'FACHRI FATURACHMAN',
      '21301029',
      'VIP',
      'HP-JKT-TBT-0112 / 640233 / 137 / 1900',
      '+6281380002222',
      'MISITEL',
      'FAT-JKT-TBT-004',
      'PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#JL. TEBET BARAT DALAM IV',
      'Belum dijadwalkan',
      'ZTEGC1F09A33',
      'ZTE F609',
      'Single Band',
    ]) {
      expect([field, text.includes(field)]).toEqual([field, true]);
    }
    // The address opens in Google Maps, in a new tab.
    const maps = form.getByRole('link', { name: /Buka di Google Maps/ });
    const address = (
      await form
        .locator('dd')
        .filter({ has: technician.getByRole('link', { name: /Buka di Google Maps/ }) })
        .textContent()
    )?.replace(/\s*Buka di Google Maps.*$/, '');
    expect(address).toMatch(/^JL\. TEBET BARAT DALAM IV/);
    expect(await maps.getAttribute('href')).toBe(
      `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address ?? '')}`,
    );
    expect(await maps.getAttribute('target')).toBe('_blank');
    // The actions are on the first screen (a bar at its bottom), and each leads to its form.
    const actions = technician.getByRole('navigation', { name: 'Tindakan' });
    const box = await actions.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    await actions.getByRole('button', { name: 'Ganti ONT' }).click();
    await eventually(
      () =>
        technician.evaluate(
          `document.activeElement && document.activeElement.closest('section') && document.activeElement.closest('section').getAttribute('aria-label')`,
        ),
      (focused) => focused === 'Laporkan penggantian ONT',
      5_000,
    );
    await expectAccessible(technician);
  });

  it('books the visit on the last day offered, and finds it in that day’s list', async () => {
    const slots = await http<{ slots: Array<{ date: string }> }>(
      system.apiUrl,
      'GET',
      `/v1/work-orders/${woNumber}/available-slots?days=7`,
      { headers: await asTechnician() },
    );
    lastDay = slots.body.slots.at(-1)!.date;
    const book = card(technician, 'Jadwalkan kunjungan');
    // Before the swap's deadline (3 days' SLA) nothing is said; after it, before confirming, a warning.
    const first = slots.body.slots[0]! as { date: string; slot: string };
    await book
      .getByRole('radio', { name: new RegExp(`^${formatVisit(first.date, first.slot as '08-10')}`) })
      .check();
    expect(await book.getByText(/Melewati batas waktu penggantian ONT/).count()).toBe(0);
    await book.getByRole('radio', { name: new RegExp(`^${formatVisit(lastDay, '08-10')}`) }).check();
    await book.getByText(/^Melewati batas waktu penggantian ONT \(.* WIB\)\./).waitFor();
    await expectAccessible(technician);
    await book.getByRole('button', { name: 'Jadwalkan kunjungan' }).click();
    await technician.getByText(/Kunjungan dijadwalkan: .*08\.00–10\.00 WIB/).waitFor();
    await card(technician, 'Pindahkan kunjungan').waitFor();
    await expectAccessible(technician);

    await technician.getByRole('link', { name: 'Jadwal', exact: true }).click();
    await technician.getByLabel('Tanggal').fill(lastDay);
    await heading(technician, 'Jadwal kunjungan').waitFor();
    const inSlot = slotCard(technician, '08-10').getByRole('link', { name: new RegExp(woNumber) });
    await inSlot.waitFor();
    expect(await inSlot.textContent()).toContain('Dijadwalkan');
    await expectAccessible(technician);
  });

  it('the customer moves it in the Selfcare app; the technician’s list follows', async () => {
    const visit = card(customer, 'Kunjungan teknisi (penggantian ONT)');
    await visit.getByText(/08\.00–10\.00 WIB/).waitFor({ timeout: 15_000 });
    await visit.getByRole('radio', { name: new RegExp(`^${formatVisit(lastDay, '13-15')}`) }).check();
    await visit.getByRole('button', { name: 'Simpan jadwal baru' }).click();
    await visit.getByText(/Jadwal kunjungan diubah ke .*13\.00–15\.00 WIB/).waitFor();

    await technician.reload();
    await slotCard(technician, '13-15')
      .getByRole('link', { name: new RegExp(woNumber) })
      .waitFor();
    expect(await slotCard(technician, '08-10').count()).toBe(0);
    expect(await card(technician, 'Slot tanpa kunjungan').textContent()).toContain('08.00–10.00');
  });

  it('reports the visit missed: refused in words before its slot; OTHER needs a remark; confirmed on screen', async () => {
    await slotCard(technician, '13-15')
      .getByRole('link', { name: new RegExp(woNumber) })
      .click();
    await heading(technician, woNumber).waitFor();
    const history = card(technician, 'Riwayat kunjungan');
    // Who did each act: booked by the technician, moved by the customer (who booked the new one).
    await history
      .getByText(/08\.00–10\.00 WIB.*dijadwalkan \(oleh teknisi, .*\), dipindahkan \(oleh pelanggan, /)
      .waitFor();
    await history.getByText(/13\.00–15\.00 WIB.*dijadwalkan \(oleh pelanggan, /).waitFor();
    let missed = card(technician, 'Laporkan kunjungan gagal');
    // Days before the visit it is not missed: said in words, no form to send.
    await missed
      .getByText(/belum dimulai\. Kunjungan gagal bisa dilaporkan mulai .*13\.00 WIB, saat slotnya dimulai/)
      .waitFor();
    expect(await missed.getByRole('button').count()).toBe(0);
    await expectAccessible(technician);
    const refused = await http<{ reason: string }>(
      system.apiUrl,
      'POST',
      `/v1/technician/work-orders/${woNumber}/visit-report`,
      { headers: await asTechnician(), body: { outcome: 'PENDING', category: 'WEATHER' } },
    );
    expect([refused.status, refused.body.reason]).toEqual([409, 'VISIT_NOT_STARTED']);

    // The visit's slot begins (as if the days had passed).
    await visitSlotBegun(system.databaseUrl, woNumber);
    await technician.reload();
    await heading(technician, woNumber).waitFor();
    missed = card(technician, 'Laporkan kunjungan gagal');
    await missed.getByLabel('Kategori pending').selectOption('OTHER');
    await missed.getByRole('button', { name: 'Laporkan kunjungan gagal' }).click();
    await missed
      .getByRole('alert')
      .getByText(/wajib diberi keterangan/)
      .waitFor();
    await expectAccessible(technician);
    await missed.getByLabel(/Keterangan/).fill('Pagar terkunci, pelanggan minta dijadwalkan ulang');
    await missed.getByRole('button', { name: 'Laporkan kunjungan gagal' }).click();
    // Confirmed on screen, the card read again: no longer "Dijadwalkan".
    await technician
      .getByRole('status')
      .getByText(
        /^Kunjungan dicatat tidak terlaksana: .*13\.00–15\.00 WIB, Lainnya\. Jadwalkan kunjungan baru\.$/,
      )
      .waitFor({ timeout: 20_000 });
    // The card is read again after the confirmation shows: wait for it rather than read it at once.
    await technician.locator('p.status', { hasText: /^Belum dijadwalkan$/ }).waitFor({ timeout: 15_000 });
    await history
      .getByText(/13\.00–15\.00 WIB.*gagal \(oleh teknisi, .*\), Lainnya \(Pagar terkunci/)
      .waitFor({ timeout: 15_000 });
    await expectAccessible(technician);
    await card(technician, 'Jadwalkan kunjungan').waitFor();
    const form = card(technician, 'Work Order');
    await form.getByText('Lainnya', { exact: true }).waitFor();

    // The customer is told why, in their app.
    const visit = card(customer, 'Kunjungan teknisi (penggantian ONT)');
    await visit.getByText(/13\.00–15\.00 WIB: Lainnya/).waitFor({ timeout: 15_000 });
  });

  it('books again and reports the swap: refused in words until the ONT is dual band and said to be early', async () => {
    const book = card(technician, 'Jadwalkan kunjungan');
    await book.getByRole('radio', { name: new RegExp(`^${formatVisit(lastDay, '15-17')}`) }).check();
    await book.getByRole('button', { name: 'Jadwalkan kunjungan' }).click();
    await technician.getByText(/Kunjungan dijadwalkan: .*15\.00–17\.00 WIB/).waitFor();

    const swap = card(technician, 'Laporkan penggantian ONT');
    await swap.getByLabel('Nomor seri ONT baru').fill('zte 12');
    await swap.getByRole('button', { name: 'Laporkan penggantian ONT' }).click();
    await swap
      .getByRole('alert')
      .getByText(/8–20 huruf kapital atau angka/)
      .waitFor();
    await swap.getByLabel('Nomor seri ONT baru').fill('ztegd4b71c05');
    await swap.getByLabel('Model ONT baru').fill('ZTE F670L');
    await swap.getByLabel('Jenis ONT').selectOption('SINGLE');
    await swap.getByRole('button', { name: 'Laporkan penggantian ONT' }).click();
    await swap
      .getByRole('alert')
      .getByText(/membutuhkan ONT Dual Band/)
      .waitFor();

    await swap.getByLabel('Jenis ONT').selectOption('DUAL');
    // The visit is on a later day: the rule is said, and the API refuses until it is ticked.
    await swap.getByText(/Laporan penggantian sebelum hari itu hanya diterima/).waitFor();
    await swap.getByRole('button', { name: 'Laporkan penggantian ONT' }).click();
    await swap
      .getByRole('alert')
      .getByText(/Kunjungan dijadwalkan untuk hari lain/)
      .waitFor();
    await expectAccessible(technician);
    await swap.getByLabel('Diganti sebelum hari kunjungan').check();
    await swap.getByRole('button', { name: 'Laporkan penggantian ONT' }).click();

    // The run closes the WO and records the new ONT: the job card shows it, and no more actions.
    await card(technician, 'Penggantian selesai').waitFor({ timeout: 30_000 });
    const form = card(technician, 'Work Order');
    await form.getByText('COMPLETED').waitFor();
    expect(await form.textContent()).toContain('ZTEGD4B71C05');
    expect(await form.textContent()).toContain('Dual Band');
    expect(await card(technician, 'Laporkan penggantian ONT').count()).toBe(0);
    // The swap was done days before the visit: the history says when; no pending category is left.
    await card(technician, 'Riwayat kunjungan')
      .getByText(
        new RegExp(
          `15\\.00–17\\.00 WIB.*selesai \\(oleh teknisi, ${formatLongDate(jakartaDateOf(new Date()))}`,
        ),
      )
      .waitFor();
    expect(
      await form
        .locator('div', { hasText: /^Kategori pending/ })
        .locator('dd')
        .textContent(),
    ).toBe('–');
    await expectAccessible(technician);
  });

  it('the customer sees the upgrade completed, with the dual-band ONT at home', async () => {
    await statusLine(customer, 'Selesai').waitFor({ timeout: 30_000 });
    await customer
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Beranda' })
      .click();
    const device = card(customer, 'Perangkat (ONT)');
    await device.getByText('Dual Band').waitFor();
    expect(await device.textContent()).toContain('ZTEGD4B71C05');
    expect(await card(customer, 'Paket Aktif').textContent()).toContain('Stream 200 Yearly');

    // And the day's list shows the visit done.
    await technician.goto(`/app/technician?date=${lastDay}`);
    const done = slotCard(technician, '15-17').getByRole('link', { name: new RegExp(woNumber) });
    await done.waitFor();
    expect(await done.textContent()).toContain('Selesai');
    await expectAccessible(technician);
  });

  it('tells another vendor’s technician in words that the work order is not theirs', async () => {
    const page = await phone();
    await signInAs(page, 'Andi', `/app/technician/wo/${woNumber}`);
    await page
      .getByRole('alert')
      .getByText('Work order ini tidak ditemukan, atau bukan milik vendor Anda.')
      .waitFor();
    await expectAccessible(page);
  });

  it('the CS agent finds FACHRI by phone and reads the same story: every TT, WO, bill and notice, and the audit trail', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
    const story: any = (
      await http(system.apiUrl, 'GET', `/v1/upgrades/${upgradeId}`, { headers: await asCs() })
    ).body;
    expect(story.status).toBe('COMPLETED');
    const opened = await openDesktop(browser, system.apiUrl);
    phones.push(opened);
    const cs = opened.page;
    const region = (name: string | RegExp) => cs.getByRole('region', { name });
    const tab = (name: string) =>
      cs.getByRole('navigation', { name: 'Tab pelanggan' }).getByRole('link', { name, exact: true });

    await signInAs(cs, 'Rina Wulandari', '/app/cs');
    await cs.getByLabel(/Customer ID, nama, telepon/).fill('0813 8000 2222');
    await cs.getByRole('button', { name: 'Cari' }).click();
    await region('Hasil pencarian').getByRole('link', { name: story.customerId }).click();
    await heading(cs, /FACHRI FATURACHMAN/).waitFor();

    await tab('Billing').click();
    await region('Tagihan Customer')
      .getByRole('row', { name: new RegExp(story.billCode) })
      .waitFor();
    await tab('Ticket').click();
    const tickets = region('Ticket');
    for (const ticketNo of [story.upgradeTicketNo, story.changeOntTicketNo])
      await tickets.getByRole('cell', { name: ticketNo, exact: true }).waitFor();
    const note = tickets.getByRole('form', { name: `Catatan untuk tiket ${story.changeOntTicketNo}` });
    await note.getByLabel('Catatan').fill('Pelanggan konfirmasi ONT baru berfungsi');
    await note.getByRole('button', { name: 'Simpan catatan' }).click();
    await note.getByText(`Catatan tersimpan di tiket ${story.changeOntTicketNo}.`).waitFor();

    await tab('WO').click();
    await region('Work orders').getByRole('cell', { name: story.upgradeWorkOrderNo }).waitFor();
    const form = region(`Work order ${woNumber}`);
    // Booked by the vendor, moved by the customer, missed (OTHER), booked again and done.
    await form.getByText('Selesai').first().waitFor();
    expect(await form.getByRole('row').count()).toBe(1 + 3);
    expect(await form.textContent()).toContain('Dipindah');
    expect(await form.textContent()).toContain('Tidak terlaksana');

    await tab('Notifikasi').click();
    const notices = region('Notifikasi');
    await notices.getByRole('cell', { name: 'ONT_SWAP_COMPLETED' }).first().waitFor();
    for (const kind of ['BILL_ISSUED', 'ONT_SWAP_SCHEDULED', 'VISIT_BOOKED', 'VISIT_MISSED'])
      await notices.getByRole('cell', { name: kind }).first().waitFor();

    await tab('Audit').click();
    const audit = region('Audit trail');
    await audit.getByRole('cell', { name: 'Catatan tiket' }).waitFor();
    expect(await audit.textContent()).toContain('cs-rina');
  });
});

describe('three people in three tabs of one browser, as a new user plays them after npm start', () => {
  it('signs each tab in as its own person: the provider’s one session does not send a tab round in circles', async () => {
    const opened = await openPhone(browser, system.apiUrl);
    phones.push(opened);
    const customerTab = opened.page;
    await signInAs(customerTab, 'AHMAD TARMIZI', '/app/');
    await card(customerTab, 'Paket Aktif').waitFor();

    // The provider's session is AHMAD's now: the technician's tab comes back as him, and says so.
    const technicianTab = await openTab(opened);
    await technicianTab.goto('/app/technician');
    await heading(technicianTab, 'Halaman ini untuk teknisi').waitFor();
    expect(await technicianTab.locator('main').textContent()).toContain('masuk sebagai pelanggan (21314849)');
    await expectAccessible(technicianTab);
    await technicianTab.getByRole('button', { name: 'Masuk sebagai teknisi' }).click();
    await waitForProviderSignIn(technicianTab);
    await technicianTab.getByRole('button', { name: /Budi Hartono/ }).click();
    await heading(technicianTab, 'Jadwal hari ini').waitFor();

    const csTab = await openTab(opened);
    await csTab.setViewportSize({ width: 1440, height: 900 });
    await csTab.goto('/app/cs');
    await heading(csTab, 'Halaman ini untuk petugas customer service').waitFor();
    expect(await csTab.locator('main').textContent()).toContain('masuk sebagai teknisi (tech-budi)');
    await csTab.getByRole('button', { name: 'Masuk sebagai petugas customer service' }).click();
    await waitForProviderSignIn(csTab);
    await csTab.getByRole('button', { name: /Rina Wulandari/ }).click();
    await heading(csTab, 'Cari pelanggan').waitFor();

    // The agent types a search and leaves it; the token is renewed in the background meanwhile.
    const query = csTab.getByLabel(/Customer ID, nama, telepon/);
    await query.fill('0813 8000 2222');
    const before = await accessTokenOf(csTab);
    const renewal = await csTab.waitForResponse(
      (r) => r.request().method() === 'POST' && /grant_type=refresh_token/.test(r.request().postData() ?? ''),
      { timeout: ACCESS_TOKEN_SECONDS * 1000 },
    );
    expect(renewal.status()).toBe(200);
    const after = await eventually(
      () => accessTokenOf(csTab),
      (token) => token !== before,
      5_000,
    );
    expect(after).not.toBe('');
    expect([new URL(csTab.url()).pathname, await query.inputValue()]).toEqual(['/app/cs', '0813 8000 2222']);
    await csTab.getByRole('button', { name: 'Cari' }).click();
    await csTab.getByRole('region', { name: 'Hasil pencarian' }).getByText('FACHRI FATURACHMAN').waitFor();

    // Each tab keeps its own person across a reload.
    await customerTab.reload();
    await card(customerTab, 'Paket Aktif').waitFor();
    await technicianTab.reload();
    await heading(technicianTab, 'Jadwal hari ini').waitFor();
    expect(new URL(csTab.url()).pathname).toMatch(/^\/app\/cs\/?$/);
  });
});

/** The access token the tab holds now (oidc-client-ts keeps the user in this tab's sessionStorage). */
function accessTokenOf(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    return key ? String(JSON.parse(sessionStorage.getItem(key) || '{}').access_token || '') : '';
  })()`) as Promise<string>;
}
