/**
 * The two deck scenarios as one set of assertions, run against any deployment of the system: the
 * single-process dev-server stack (test/e2e) and the multi-process cluster (test/cluster), so
 * "the same results" is checked by the same lines. `target()` names where customers and the
 * technician call (one API process or two) and how to read the database.
 */
import { asCustomer, callerFor } from './auth';
import { eventually, http } from './http';

export interface ScenarioTarget {
  /** Where the customer's calls go. */
  apiUrl: string;
  /** Where the technician's report goes (another API process in the cluster). */
  technicianApiUrl: string;
  rows(sql: string, params?: unknown[]): Promise<Json[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;

/** The technician's report that completes scenario B (its new ONT serial is checked in Temporal too). */
export const DECK_B_SWAP_REPORT = {
  newOntSerial: 'ZTEGD4B71C05',
  newOntModel: 'ZTE F670L',
  band: 'DUAL',
  technician: 'Budi',
} as const;

export function deckScenarios(target: () => ScenarioTarget): void {
  const call =
    (base: () => string) =>
    async (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
      http<Json>(base(), method, path, {
        ...options,
        headers: { ...(await callerFor(path)), ...options.headers },
      });
  const api = call(() => target().apiUrl);
  const technician = call(() => target().technicianApiUrl);
  const rows = (sql: string, params: unknown[] = []) => target().rows(sql, params);
  const progressOf = (upgradeId: string, status: string) =>
    eventually(
      () => api('GET', `/v1/upgrades/${upgradeId}`),
      (answer) => answer.body.status === status,
    );

  describe('deck scenario A: Stream 75 Semesterly → Stream 150 Semesterly, ONT already dual band', () => {
    const upgradeId = 'upgrade-21314849-deck-a';
    const request = {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: { 'Idempotency-Key': 'deck-a' },
    };

    it('quotes the deck bill to the rupiah', async () => {
      const quote = await api('POST', '/v1/customers/21314849/upgrade-quotes', { body: request.body });
      expect(quote.status).toBe(200);
      expect(quote.body).toMatchObject({
        actualChargeIdr: 1_780_000,
        adjustmentIdr: 1_008_333,
        totalIdr: 771_700,
        baseIdr: 695_225,
        vatRatePercent: 11,
        vatIdr: 76_475,
        amountInWords: 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
      });
    });

    it('runs to completion and leaves the deck rows behind', async () => {
      const started = await api('POST', '/v1/customers/21314849/upgrades', request);
      expect(started.status).toBe(202);
      expect(started.body.upgradeId).toBe(upgradeId);
      const done = await progressOf(upgradeId, 'COMPLETED');

      const [bill] = await rows('SELECT * FROM "Bill" WHERE "upgradeId" = $1', [upgradeId]);
      expect(bill).toMatchObject({
        billCode: done.body.billCode,
        customerId: '21314849',
        packageName: 'Stream 150 Semesterly',
        actualChargeIdr: 1_780_000,
        adjustmentIdr: 1_008_333,
        totalIdr: 771_700,
        baseIdr: 695_225,
        vatIdr: 76_475,
        status: 'UNPAID',
        billCycle: 4,
      });
      expect(bill.billCode).toMatch(/^\d{6}712857$/);

      const [ticket] = await rows('SELECT * FROM "Ticket" WHERE "upgradeId" = $1', [upgradeId]);
      expect(ticket).toMatchObject({
        kind: 'UPGRADE',
        title: '(SR) - UPGRADE - Stream 150 Semesterly Total 1.780.000',
        description:
          'Request change package from Stream 75 Semesterly to Stream 150 Semesterly Total 1.780.000 using selfcare apps',
        status: 'CLOSED',
      });
      expect(ticket.closedAt).toEqual(ticket.createdAt);

      const [wo] = await rows('SELECT * FROM "WorkOrder" WHERE "upgradeId" = $1', [upgradeId]);
      expect(wo).toMatchObject({ type: 'UPGRADE', typePackage: 'INTERNET', totalIdr: 0 });
      expect(wo.packageLabel).toMatch(
        /^Stream 150 Semesterly \( END PROMO : \d{2}-[A-Z]{3}-\d{4} BACK TO STREAM 150 SEMESTERLY \)$/,
      );

      const subscription = await api('GET', '/v1/customers/21314849/subscription');
      expect(subscription.body.package.code).toBe('STREAM-150-SEM');
      expect(subscription.body.device.band).toBe('DUAL');

      const outbox = await api('GET', '/v1/dev/outbox?customerId=21314849');
      expect(outbox.body.messages.map((m: Json) => m.subject)).toEqual(['Informasi Penerbitan Tagihan']);
      expect(outbox.body.messages[0].html).toContain('AHMAD TARMIZI');
      expect(outbox.body.messages[0].text).toContain('771.700');
      const inbox = await api('GET', '/v1/customers/21314849/inbox');
      expect(inbox.body.notifications.map((n: Json) => n.kind)).toEqual(['BILL_ISSUED']);
      expect(await rows('SELECT 1 FROM "PushOutbox" WHERE "customerId" = $1', ['21314849'])).toHaveLength(1);

      const statement = await fetch(`${target().apiUrl}/v1/bills/${bill.billCode}/statement`, {
        headers: await asCustomer('21314849'),
      });
      expect(statement.headers.get('content-type')).toContain('text/html');
      const html = await statement.text();
      expect(html).toContain('771.700');
      expect(html).toContain('Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah');
    });

    it('a repeated POST returns the same upgrade and leaves one bill; another body with the key is refused', async () => {
      const again = await api('POST', '/v1/customers/21314849/upgrades', request);
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ upgradeId, created: false, status: 'COMPLETED' });
      expect(await rows('SELECT 1 FROM "Bill" WHERE "customerId" = $1', ['21314849'])).toHaveLength(1);

      const reused = await api('POST', '/v1/customers/21314849/upgrades', {
        body: { targetPackageCode: 'STREAM-200-SEM' },
        headers: { 'Idempotency-Key': 'deck-a' },
      });
      expect(reused.status).toBe(422);
      expect(reused.body.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('deck scenario B: Stream 50 Yearly → Stream 200 Yearly, single-band ONT', () => {
    const upgradeId = 'upgrade-21301029-deck-b';

    it('opens the Change-ONT ticket and maintenance WO, emails the customer, and waits', async () => {
      const started = await api('POST', '/v1/customers/21301029/upgrades', {
        body: { targetPackageCode: 'STREAM-200-YEAR' },
        headers: { 'Idempotency-Key': 'deck-b' },
      });
      expect(started.status).toBe(202);
      const waiting = await progressOf(upgradeId, 'AWAITING_ONT_SWAP');
      const woNumber = waiting.body.maintenanceWorkOrderNo;
      expect(woNumber).toMatch(/^WO-\d{8}-\d{7}$/);

      const tickets = await api('GET', '/v1/ops/tickets?customerId=21301029');
      const changeOnt = tickets.body.tickets.find((t: Json) => t.kind === 'CHANGE_ONT');
      expect(changeOnt).toMatchObject({
        title: '(SR) - UPGRADE - REPLACE ONT SINGLE BAND TO DUALBAND',
        description: 'REPLACE ONT SINGLE BAND TO DUALBAND',
        createdBy: 'System (SUBSCRIBER VERIFICATION MANAGEMENT)',
        status: 'Open',
        mode: 'SELFCARE',
        customerType: 'VIP',
        workOrderNo: woNumber,
      });

      const wo = await api('GET', `/v1/ops/work-orders/${woNumber}`);
      expect(wo.body).toMatchObject({
        type: 'MAINTENANCE',
        status: 'Replacing',
        vendor: 'MISITEL',
        fatCode: 'FAT-JKT-TBT-004',
        fatPort: 3,
        ticketNo: changeOnt.ticketNo,
        jobDescription:
          'PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#JL. TEBET BARAT DALAM IV NO 12 RT 005 RW 003 KEL TEBET BARAT KEC. TEBET JAKARTA SELATAN',
      });

      const home = await api('GET', '/v1/customers/21301029/home');
      expect(home.body.package.code).toBe('STREAM-200-YEAR');
      expect(home.body.pendingUpgrade.status).toBe('AWAITING_ONT_SWAP');
      expect(home.body.technicianVisit.workOrderNumber).toBe(woNumber);

      // The request row says AWAITING_ONT_SWAP once the maintenance WO exists; the email follows.
      const outbox = await eventually(
        () => api('GET', '/v1/dev/outbox?customerId=21301029'),
        (answer) => answer.body.messages.length >= 2,
      );
      const subjects = outbox.body.messages.map((m: Json) => m.subject);
      expect(subjects).toEqual(['Pergantian ONT', 'Informasi Penerbitan Tagihan']);
      const swapEmail = outbox.body.messages[0];
      expect(swapEmail.html).toContain('Halo FACHRI FATURACHMAN');
      expect(swapEmail.html).not.toContain('Halo Stream 200 Yearly');

      const another = await api('POST', '/v1/customers/21301029/upgrades', {
        body: { targetPackageCode: 'STREAM-200-YEAR' },
        headers: { 'Idempotency-Key': 'deck-b-again' },
      });
      expect(another.status).toBe(409);
      expect(another.body.upgradeId).toBe(upgradeId);
    });

    it('completes when the technician reports the swap, once', async () => {
      const { body } = await api('GET', `/v1/upgrades/${upgradeId}`);
      const woNumber = body.maintenanceWorkOrderNo;
      const report = DECK_B_SWAP_REPORT;

      const single = await technician('POST', `/v1/technician/work-orders/${woNumber}/ont-replacement`, {
        body: { ...report, band: 'SINGLE' },
      });
      expect(single.status).toBe(422);

      const accepted = await technician('POST', `/v1/technician/work-orders/${woNumber}/ont-replacement`, {
        body: report,
      });
      expect(accepted.status).toBe(202);
      await progressOf(upgradeId, 'COMPLETED');

      const replay = await technician('POST', `/v1/technician/work-orders/${woNumber}/ont-replacement`, {
        body: report,
      });
      expect(replay.status).toBe(409);

      const devices = await rows(
        'SELECT serial, band, status, "replacedBySerial" FROM "OntDevice" WHERE "customerId" = $1 ORDER BY "installedAt"',
        ['21301029'],
      );
      expect(devices).toEqual([
        { serial: 'ZTEGC1F09A33', band: 'SINGLE', status: 'REPLACED', replacedBySerial: 'ZTEGD4B71C05' },
        { serial: 'ZTEGD4B71C05', band: 'DUAL', status: 'ACTIVE', replacedBySerial: null },
      ]);
      const tickets = await rows('SELECT kind, status FROM "Ticket" WHERE "upgradeId" = $1 ORDER BY kind', [
        upgradeId,
      ]);
      expect(tickets).toEqual([
        { kind: 'UPGRADE', status: 'CLOSED' },
        { kind: 'CHANGE_ONT', status: 'CLOSED' },
      ]);
      const [wo] = await rows('SELECT status FROM "WorkOrder" WHERE "woNumber" = $1', [woNumber]);
      expect(wo.status).toBe('COMPLETED');

      const outbox = await api('GET', '/v1/dev/outbox?customerId=21301029');
      expect(outbox.body.messages.map((m: Json) => m.subject)).toEqual([
        '[Oxygen.id] Penggantian Perangkat (ONT) Kamu Telah Berhasil',
        'Pergantian ONT',
        'Informasi Penerbitan Tagihan',
      ]);
      expect(outbox.body.messages[0].text).toContain('1500780');
      expect(await rows('SELECT 1 FROM "Bill" WHERE "customerId" = $1', ['21301029'])).toHaveLength(1);
    });
  });
}
