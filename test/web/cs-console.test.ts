/**
 * The customer-service console in Chromium against the real system, driven as an agent would: by
 * role and visible text on a desktop page. After a scenario-B-like story (FACHRI upgrades, the
 * vendor books, the customer moves, the visit is missed, booked again, the ONT swapped: over the
 * API here, the technician's app being its own test), the agent finds FACHRI by phone number and
 * sees every TT, WO, bill and notice of the story, notes a ticket and sees the audit trail; then
 * cancels another customer's upgrade in flight, which ends consistently. axe-core on every screen,
 * and every tab of the customer page fits a phone's width.
 */
import type { Browser, Page } from 'playwright-core';
import { asCs, asCustomer, asTechnician } from '../helpers/auth';
import {
  accessibilityViolations,
  DESKTOP,
  openDesktop,
  PHONE,
  type PhonePage,
  signInAs,
} from '../helpers/browser';
import { eventually, http } from '../helpers/http';
import { visitSlotBegun } from '../helpers/visit-clock';
import type { LocalSystem } from '../support/harness';
import { webSystemForFile } from './web-system';

const FACHRI = '21301029'; // phone +6281380002222
const BUDI = '21400002'; // single band too: the upgrade CS cancels

let system: LocalSystem;
let browser: Browser;
const pages: PhonePage[] = [];

webSystemForFile({ label: 'cs-web', pages }, (started) => {
  ({ system, browser } = started);
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
type Json = any;
const api = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  http<Json>(system.apiUrl, method, path, { headers, body });

async function expectAccessible(page: Page): Promise<void> {
  expect([page.url(), await accessibilityViolations(page)]).toEqual([page.url(), []]);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Tab pelanggan' }).getByRole('link', { name, exact: true });
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });

/** Starts an upgrade of a single-band customer and waits for the run to wait for the technician. */
async function upgradeWaitingForSwap(customerId: string, key: string, target: string) {
  const customer = await asCustomer(customerId);
  const started = await api(
    'POST',
    `/v1/customers/${customerId}/upgrades`,
    { ...customer, 'Idempotency-Key': key },
    { targetPackageCode: target },
  );
  expect(started.status).toBe(202);
  const upgradeId = started.body.upgradeId as string;
  const waiting = await eventually(
    () => api('GET', `/v1/upgrades/${upgradeId}`, customer),
    (a) => a.body.status === 'AWAITING_ONT_SWAP',
    60_000,
  );
  return waiting.body;
}

describe('the CS agent after a scenario-B-like story', () => {
  let story: Json;
  let page: Page;

  beforeAll(async () => {
    story = await upgradeWaitingForSwap(FACHRI, 'cs-story', 'STREAM-200-YEAR');
    const wo = story.maintenanceWorkOrderNo;
    const tech = await asTechnician();
    const slots = await api('GET', `/v1/work-orders/${wo}/available-slots?days=7`, tech);
    const free = slots.body.slots.filter((s: { free: number }) => s.free > 0);
    const lastDay = free.at(-1).date;
    const book = (slot: string) =>
      api('POST', `/v1/technician/work-orders/${wo}/appointment`, tech, { date: lastDay, slot });
    expect((await book('08-10')).status).toBe(201);
    const moved = await api(
      'PUT',
      `/v1/customers/${FACHRI}/work-orders/${wo}/appointment`,
      await asCustomer(FACHRI),
      { date: lastDay, slot: '13-15' },
    );
    expect(moved.status).toBe(200);
    await visitSlotBegun(system.databaseUrl, wo);
    const missed = await api('POST', `/v1/technician/work-orders/${wo}/visit-report`, tech, {
      outcome: 'PENDING',
      category: 'CUSTOMER_NOT_HOME',
    });
    expect(missed.status).toBe(202);
    await eventually(
      async () => (await book('15-17')).status,
      (status) => status === 201,
    );
    const swap = await api('POST', `/v1/technician/work-orders/${wo}/ont-replacement`, tech, {
      newOntSerial: 'ZTEGD4B71C99',
      newOntModel: 'ZTE F670L',
      band: 'DUAL',
      early: true,
    });
    expect(swap.status).toBe(202);
    story = (
      await eventually(
        async () => api('GET', `/v1/upgrades/${story.upgradeId}`, await asCs()),
        (a) => a.body.status === 'COMPLETED',
        60_000,
      )
    ).body;
    const opened = await openDesktop(browser, system.apiUrl);
    pages.push(opened);
    page = opened.page;
  }, 180_000);

  it('finds FACHRI by phone number', async () => {
    await signInAs(page, 'Rina Wulandari', '/app/cs');
    await heading(page, 'Cari pelanggan').waitFor();
    await expectAccessible(page);
    await page.getByLabel(/Customer ID, nama, telepon/).fill('0813 8000 2222');
    await page.getByRole('button', { name: 'Cari' }).click();
    const results = region(page, 'Hasil pencarian');
    await results.getByText('1 pelanggan cocok').waitFor();
    expect(await results.getByRole('row').nth(1).textContent()).toContain('FACHRI FATURACHMAN');
    expect(await results.getByRole('row').nth(1).textContent()).toContain('Telepon');
    await expectAccessible(page);
    await results.getByRole('link', { name: FACHRI }).click();
    await heading(page, `FACHRI FATURACHMAN [#${FACHRI}]`).waitFor();
  });

  it('sees the package, its history and both ONTs', async () => {
    const pkg = region(page, 'Package');
    await pkg.getByText('Stream 50 Yearly').waitFor();
    expect(await pkg.textContent()).toContain('Stream 200 Yearly');
    await expectAccessible(page);
    await tab(page, 'Device').click();
    const device = region(page, 'Device');
    await device.getByRole('cell', { name: 'ZTEGD4B71C99' }).first().waitFor();
    expect(await device.textContent()).toContain('ZTEGC1F09A33');
    expect(await device.textContent()).toContain('REPLACED');
    await expectAccessible(page);
  });

  it('sees the bill as Tagihan Customer and opens its statement', async () => {
    await tab(page, 'Billing').click();
    const bills = region(page, 'Tagihan Customer');
    const row = bills.getByRole('row', { name: new RegExp(story.billCode) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Stream 200 Yearly');
    expect(await row.textContent()).toContain('UNPAID');
    await expectAccessible(page);
    await row.getByRole('link', { name: /Statement/ }).click();
    const frame = page.frameLocator(`iframe[title="Billing Statement ${story.billCode}"]`);
    await frame.getByText('BILLING STATEMENT').first().waitFor();
    await tab(page, 'Payment').click();
    const payments = await api('GET', `/v1/customers/${FACHRI}/payments?pageSize=100`, await asCs());
    const paid = region(page, 'Payment');
    if (payments.body.total === 0) await paid.getByText('Belum ada pembayaran.').waitFor();
    else await paid.getByRole('cell', { name: payments.body.payments[0].reference }).waitFor();
    expect(await paid.getByRole('row').count()).toBe(payments.body.total === 0 ? 0 : 1 + payments.body.total);
    await expectAccessible(page);
  });

  it('sees both TTs as the TT list shows them, and notes one', async () => {
    await tab(page, 'Ticket').click();
    const tickets = region(page, 'Ticket');
    for (const ticketNo of [story.upgradeTicketNo, story.changeOntTicketNo]) {
      await tickets.getByRole('cell', { name: ticketNo, exact: true }).waitFor();
    }
    expect(await tickets.textContent()).toContain('(SR) - UPGRADE - REPLACE ONT SINGLE BAND TO DUALBAND');
    await expectAccessible(page);
    const note = tickets.getByRole('form', { name: `Catatan untuk tiket ${story.changeOntTicketNo}` });
    await note.getByLabel('Catatan').fill('Pelanggan konfirmasi ONT baru berfungsi');
    await note.getByRole('button', { name: 'Simpan catatan' }).click();
    await note.getByText(`Catatan tersimpan di tiket ${story.changeOntTicketNo}.`).waitFor();
    await tickets.getByText(/Noted cs-rina .*: Pelanggan konfirmasi ONT baru berfungsi/).waitFor();
  });

  it('sees both WOs, the maintenance form and every visit of the story', async () => {
    await tab(page, 'WO').click();
    const orders = region(page, 'Work orders');
    await orders.getByRole('cell', { name: story.upgradeWorkOrderNo }).waitFor();
    const form = region(page, `Work order ${story.maintenanceWorkOrderNo}`);
    expect(await form.textContent()).toContain('PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#');
    const visits = form.getByRole('row');
    // Booked (then moved by the customer), the move (then missed), booked again (done).
    expect(await visits.count()).toBe(1 + 3);
    const cells = async (row: number) =>
      (await visits.nth(row).getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(await form.getByRole('columnheader').allTextContents()).toEqual([
      'Jadwal',
      'Dijadwalkan',
      'Status',
      'Oleh',
      'Pada',
      'Keterangan',
    ]);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const instant = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    // Who did each act: the vendor booked, the customer moved; the vendor missed the visit the
    // customer booked; the vendor swapped days before the visit booked last, today.
    const [moved, missed, done] = [await cells(1), await cells(2), await cells(3)];
    expect(moved.slice(1, 4)).toEqual([expect.stringMatching(/^Vendor, /), 'Dipindah', 'Pelanggan']);
    expect(missed.slice(1, 4)).toEqual([expect.stringMatching(/^Pelanggan, /), 'Tidak terlaksana', 'Vendor']);
    expect(missed[5]).toBe('Pelanggan tidak di rumah');
    expect(done.slice(1, 4)).toEqual([expect.stringMatching(/^Vendor, /), 'Selesai', 'Vendor']);
    for (const row of [moved, missed, done]) expect(row[4]).toMatch(instant);
    expect(done[4]?.slice(0, 10)).toBe(today);
    expect(done[5]).toBe('ONT diganti sebelum hari kunjungan');
    // The WO is completed: no category pending is left on its form.
    const pending = form.locator('dl > div', { has: page.getByText('Category Pending', { exact: true }) });
    expect(await pending.locator('dd').textContent()).toBe('—');
    await expectAccessible(page);
  });

  it('sees every notice per channel, the upgrade’s steps with its run in the Web UI, and the audit trail', async () => {
    await tab(page, 'Notifikasi').click();
    const notices = region(page, 'Notifikasi');
    await notices.getByRole('cell', { name: 'ONT_SWAP_COMPLETED' }).first().waitFor();
    const all = await api('GET', `/v1/cs/customers/${FACHRI}/notices?pageSize=100`, await asCs());
    const kinds = new Set(all.body.notices.map((n: { kind: string }) => n.kind));
    for (const kind of [
      'BILL_ISSUED',
      'ONT_SWAP_SCHEDULED',
      'VISIT_BOOKED',
      'VISIT_MISSED',
      'ONT_SWAP_COMPLETED',
    ])
      expect([kind, kinds.has(kind)]).toEqual([kind, true]);
    expect(await notices.getByRole('row').count()).toBe(1 + all.body.notices.length);
    expect(await notices.getByText('Terkirim', { exact: true }).count()).toBe(all.body.notices.length);
    await expectAccessible(page);

    await tab(page, 'Upgrade').click();
    const upgrade = region(page, `Upgrade ${story.upgradeId}`);
    await upgrade.getByText('Upgrade selesai').waitFor();
    const link = upgrade.getByRole('link', { name: `Buka run ${story.upgradeId}` });
    const href = new URL((await link.getAttribute('href')) ?? '');
    expect([href.port, href.pathname]).toEqual([
      new URL(system.temporalUiUrl).port,
      `/namespaces/default/workflows/${story.upgradeId}`,
    ]);
    await expectAccessible(page);

    await tab(page, 'Audit').click();
    const audit = region(page, 'Audit trail');
    await audit.getByRole('cell', { name: 'Catatan tiket' }).waitFor();
    expect(await audit.textContent()).toContain('cs-rina');
    expect(await audit.textContent()).toContain('Pelanggan konfirmasi ONT baru berfungsi');
    await expectAccessible(page);
  });

  it('fits a phone: every tab within the screen’s width, its tables scrolling in their own frame', async () => {
    await page.setViewportSize(PHONE);
    try {
      for (const name of [
        'Package',
        'Device',
        'Billing',
        'Payment',
        'Ticket',
        'WO',
        'Notifikasi',
        'Upgrade',
        'Audit',
      ]) {
        await tab(page, name).click();
        await page.locator('.cs-panel > section > h2').waitFor();
        await page.locator('.cs-panel .loading').waitFor({ state: 'detached' });
        const widths = await page.evaluate<number[]>(
          '[document.documentElement.scrollWidth, window.innerWidth]',
        );
        expect([name, widths[0]]).toEqual([name, widths[1]]);
        await expectAccessible(page);
      }
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });
});

describe('a CS cancel of another customer’s upgrade in flight', () => {
  it('ends it consistently: WO CANCELLED, customer told, audit row, a new upgrade admitted', async () => {
    const upgrade = await upgradeWaitingForSwap(BUDI, 'cs-cancel', 'STREAM-150-YEAR');
    const opened = await openDesktop(browser, system.apiUrl);
    pages.push(opened);
    const page = opened.page;
    await signInAs(page, 'Rina Wulandari', `/app/cs/customers/${BUDI}/upgrade`);
    const card = region(page, `Upgrade ${upgrade.upgradeId}`);
    const cancel = card.getByRole('form', { name: `Batalkan upgrade ${upgrade.upgradeId}` });
    await cancel.waitFor();
    await expectAccessible(page);
    await cancel.getByLabel(/Alasan/).fill('Pelanggan berubah pikiran lewat telepon');
    await cancel.getByRole('button', { name: 'Batalkan upgrade' }).click();
    // A confirmation first, styled as destructive, naming what will happen.
    const confirmation = cancel.getByRole('group', { name: /Batalkan upgrade .*Yang akan terjadi/ });
    await confirmation.waitFor();
    const effects = await confirmation.getByRole('listitem').allTextContents();
    expect(effects).toEqual([
      expect.stringMatching(/^Paket: kembali ke \S+ mulai sekarang/),
      expect.stringMatching(new RegExp(`^Tagihan ${upgrade.billCode}: dibatalkan \\(VOID\\)`)),
      'Kunjungan teknisi: dibatalkan.',
      expect.stringMatching(/^TT Change ONT \S+: dibatalkan\.$/),
      `WO Maintenance ${upgrade.maintenanceWorkOrderNo}: dibatalkan.`,
      expect.stringMatching(/^WO Upgrade \S+: dibatalkan\.$/),
      'Pelanggan diberi tahu (push, inbox, email) dan dapat mengajukan upgrade lagi.',
    ]);
    const confirmButton = confirmation.getByRole('button', { name: 'Ya, batalkan upgrade' });
    const background = await confirmButton.evaluate(
      (b) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(b).backgroundColor,
    );
    expect(background).toBe('rgb(180, 35, 24)');
    await expectAccessible(page);
    // The agent's laptop.
    await page.setViewportSize({ width: 1366, height: 768 });
    await confirmation.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    if (process.env.SCREENSHOTS_DIR) {
      await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/cs-cancel-confirmation.png` });
    }
    // "Kembali" does nothing: the upgrade still waits.
    await confirmation.getByRole('button', { name: 'Kembali' }).click();
    await confirmation.waitFor({ state: 'detached' });
    const operator = await asCs();
    expect((await api('GET', `/v1/upgrades/${upgrade.upgradeId}`, operator)).body.status).toBe(
      'AWAITING_ONT_SWAP',
    );
    await cancel.getByRole('button', { name: 'Batalkan upgrade' }).click();
    await confirmation.getByRole('button', { name: 'Ya, batalkan upgrade' }).click();
    await card.getByText(/Upgrade berakhir: CANCELLED/).waitFor({ timeout: 30_000 });
    await card.getByText('Upgrade dibatalkan').first().waitFor();

    const workOrders = await api('GET', `/v1/cs/customers/${BUDI}/work-orders`, operator);
    expect(
      workOrders.body.workOrders.map((w: { type: string; status: string }) => `${w.type} ${w.status}`).sort(),
    ).toEqual(['MAINTENANCE CANCELLED', 'UPGRADE CANCELLED']);
    // Waiting for the swap, the upgrade is withdrawn: the bill is void, as after a cancel in the Web UI.
    const bill = await api('GET', `/v1/bills/${upgrade.billCode}`, operator);
    expect(bill.body.status).toBe('VOID');
    await eventually(
      () => api('GET', `/v1/cs/customers/${BUDI}/notices?pageSize=100`, operator),
      (a) =>
        a.body.notices.filter(
          (n: { kind: string; status: string }) => n.kind === 'UPGRADE_CANCELLED' && n.status === 'DELIVERED',
        ).length === 3,
    );
    await page
      .getByRole('navigation', { name: 'Tab pelanggan' })
      .getByRole('link', { name: 'WO', exact: true })
      .click();
    await region(page, `Work order ${upgrade.maintenanceWorkOrderNo}`)
      .getByText(/CANCELLED: cancelled by an operator/)
      .waitFor();
    await expectAccessible(page);
    await tab(page, 'Audit').click();
    const audit = region(page, 'Audit trail');
    await audit.getByRole('cell', { name: 'Batalkan upgrade' }).waitFor();
    expect(await audit.textContent()).toContain('Pelanggan berubah pikiran lewat telepon');
    await expectAccessible(page);

    const next = await api(
      'POST',
      `/v1/customers/${BUDI}/upgrades`,
      { ...(await asCustomer(BUDI)), 'Idempotency-Key': 'after-cs-cancel' },
      // The upgrade was withdrawn: the customer is back on the old package and may upgrade again.
      { targetPackageCode: 'STREAM-200-YEAR' },
    );
    expect(next.status).toBe(202);
  });

  it('says a refusal in words: a cancel that comes too late', async () => {
    // BUDI's new upgrade (admitted above) waits for the technician in turn.
    const upgradeId = `upgrade-${BUDI}-after-cs-cancel`;
    await eventually(
      async () => api('GET', `/v1/upgrades/${upgradeId}`, await asCs()),
      (a) => a.body.status === 'AWAITING_ONT_SWAP',
      60_000,
    );
    const opened = await openDesktop(browser, system.apiUrl);
    pages.push(opened);
    const page = opened.page;
    await signInAs(page, 'Rina Wulandari', `/app/cs/customers/${BUDI}/upgrade`);
    const cancel = page.getByRole('form', { name: `Batalkan upgrade ${upgradeId}` });
    await cancel.waitFor();
    // Another agent cancels it first.
    const first = await api(
      'POST',
      `/v1/cs/upgrades/${upgradeId}/cancellation`,
      { ...(await asCs()), 'Idempotency-Key': 'other-agent' },
      { reason: 'Dibatalkan petugas lain' },
    );
    expect(first.status).toBe(200);
    await cancel.getByLabel(/Alasan/).fill('Pelanggan minta batal');
    await cancel.getByRole('button', { name: 'Batalkan upgrade' }).click();
    await cancel.getByRole('button', { name: 'Ya, batalkan upgrade' }).click();
    await cancel
      .getByRole('alert')
      .getByText('Upgrade ini sudah selesai atau sudah berakhir, jadi tidak bisa dibatalkan lagi.')
      .waitFor();
    await expectAccessible(page);
  });
});
