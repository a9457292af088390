/**
 * Screenshots of the customer-service console at a desk and on a phone (docs/web/cs-*.png and
 * cs-*-phone.png), taken by scripts/screenshot-web.ts: BUDI SANTOSO upgrades (single-band ONT),
 * the vendor books the visit and reports it missed (over the API), then a CS agent finds him by
 * phone, notes the Change-ONT ticket and books the new visit for him in the console; the customer
 * page and the audit trail.
 */
import type { Browser, Page } from 'playwright-core';
import { asCustomer, asTechnician } from '../../test/helpers/auth';
import { DESKTOP, openDesktop, PHONE, signInAs } from '../../test/helpers/browser';
import { eventually, http } from '../../test/helpers/http';
import { visitSlotBegun } from '../../test/helpers/visit-clock';
import type { LocalSystem } from '../../test/support/harness';
import { checkedShot } from './checked-shot';

const BUDI = '21400002';
// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read field by field
type Json = any;

export async function csScreenshots(browser: Browser, system: LocalSystem, outDir: string): Promise<void> {
  const call = async (headers: Record<string, string>, method: string, url: string, body?: unknown) =>
    (await http<Json>(system.apiUrl, method, url, { headers, body })).body;
  const customer = await asCustomer(BUDI);
  const started = await call(
    { ...customer, 'Idempotency-Key': 'screenshots' },
    'POST',
    `/v1/customers/${BUDI}/upgrades`,
    {
      targetPackageCode: 'STREAM-150-YEAR',
    },
  );
  const waiting = await eventually(
    () => call(customer, 'GET', `/v1/upgrades/${started.upgradeId}`),
    (u) => u.status === 'AWAITING_ONT_SWAP',
    60_000,
  );
  const wo = waiting.maintenanceWorkOrderNo as string;
  const tech = await asTechnician();
  const slots = await call(tech, 'GET', `/v1/work-orders/${wo}/available-slots?days=7`);
  const lastDay = slots.slots.at(-1).date;
  await call(tech, 'POST', `/v1/technician/work-orders/${wo}/appointment`, { date: lastDay, slot: '08-10' });
  // A visit is reported missed once its slot has begun: as if the days had passed.
  await visitSlotBegun(system.databaseUrl, wo);
  await call(tech, 'POST', `/v1/technician/work-orders/${wo}/visit-report`, {
    outcome: 'PENDING',
    category: 'CUSTOMER_NOT_HOME',
  });

  const page = (await openDesktop(browser, system.apiUrl)).page;
  // At the desk, and on a phone (an agent away from it): each screen both ways, each checked.
  const shot = async (file: string, ready: () => Promise<unknown>) => {
    await ready();
    await checkedShot(page, outDir, file);
    await page.setViewportSize(PHONE);
    await checkedShot(page, outDir, file.replace(/\.png$/, '-phone.png'));
    await page.setViewportSize(DESKTOP);
  };
  const tab = (name: string) =>
    page.getByRole('navigation', { name: 'Tab pelanggan' }).getByRole('link', { name, exact: true }).click();
  await signInAs(page, 'Rina Wulandari', '/app/cs');
  await page.getByLabel(/Customer ID, nama, telepon/).fill('081290004444');
  await page.getByRole('button', { name: 'Cari' }).click();
  await shot('cs-search.png', () => page.getByText('1 pelanggan cocok').waitFor());
  await page.getByRole('link', { name: BUDI }).click();

  await tab('Ticket');
  const note = page.getByRole('form', { name: `Catatan untuk tiket ${waiting.changeOntTicketNo}` });
  await note.getByLabel('Catatan').fill('Pelanggan minta teknisi datang sore hari');
  await note.getByRole('button', { name: 'Simpan catatan' }).click();
  await note.getByText(/Catatan tersimpan/).waitFor();

  await tab('WO');
  const form = page.getByRole('form', { name: /kunjungan untuk pelanggan/ });
  const select = form.getByRole('combobox');
  await select.locator('option').nth(1).waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  await select.selectOption({ index: options.length - 1 });
  await form.getByLabel(/Alasan/).fill('Pelanggan menelepon: hanya bisa sore hari');
  await form.getByRole('button', { name: /kunjungan/ }).click();
  await form.getByText(/Kunjungan dijadwalkan/).waitFor();
  // The history shows the visit CS booked once the work order was read again.
  await shot('cs-customer-wo.png', () =>
    page.getByRole('cell', { name: 'Customer Service', exact: true }).waitFor(),
  );
  await tab('Billing');
  await shot('cs-customer-billing.png', () =>
    page.getByRole('region', { name: 'Tagihan Customer' }).waitFor(),
  );
  await tab('Upgrade');
  await shot('cs-customer-upgrade.png', () => page.getByRole('link', { name: /Buka run/ }).waitFor());
  await tab('Audit');
  await shot('cs-audit-trail.png', () =>
    page.getByRole('cell', { name: 'Jadwalkan/pindah kunjungan' }).waitFor(),
  );
  await (page as Page).context().close();
}
