/**
 * The technician's reads against a real PostgreSQL and real provider tokens: the vendor's day
 * (booked, missed, done by slot; the work orders still to be booked; by area) and the job card
 * (the WO Maintenance form). Who may read: the vendor's technicians only; a customer or an
 * operator is refused, another vendor's technician sees none of it (404 on the job card).
 * The maintenance WOs come from the activities a run calls; their visits are rows, as the
 * booking activity writes them (the bookings through Temporal are the e2e and web tests').
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { JobCard, TechnicianVisitList } from '../../contracts/views';
import { addDays, jakartaDateOf } from '../../domain/calendar';
import { INSTALLER_VENDOR } from '../../domain/visits';
import { statementLink } from '../../platform/auth';
import { type AppConfig, EMAIL_FROM_DEFAULT, loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { OutboxEmailTransport } from '../../platform/notifications/email-transport';
import { LocalPushGateway } from '../../platform/notifications/push-gateway';
import { asCs, asCustomer, asTechnician, asTechnicianOf, tokenFor, trustingEnv } from '../helpers/auth';
import { startTestDatabase, type TestDatabase } from '../helpers/database';
import { http } from '../helpers/http';
import { closeUpgradeRuns, runUpgradeSteps } from '../support/upgrade-runs';

const FACHRI = '21301029'; // single band, Jakarta (FAT-JKT-TBT-004): VIP
const BUDI = '21400002'; // single band, Bandung (FAT-BDG-SMB-001)

let t: TestDatabase;
let server: Server;
let base: string;
let config: AppConfig;
const wo: Record<string, string> = {};
const today = jakartaDateOf(new Date());
const day = addDays(today, 3);

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
type Json = any;
const get = async (path: string, headers: Record<string, string>) =>
  http<Json>(base, 'GET', path, { headers });

beforeAll(async () => {
  config = loadConfig({ NODE_ENV: 'test', ...(await trustingEnv()) });
  t = await startTestDatabase();
  const acts = createActivities({
    db: t.db,
    logger: createLogger('silent'),
    email: new OutboxEmailTransport(t.db),
    push: new LocalPushGateway(t.db),
    emailFrom: EMAIL_FROM_DEFAULT,
    statementUrl: (bill) => statementLink(config.api.publicBaseUrl, config.auth.statementLinks, bill),
  });
  for (const [customerId, target] of [
    [FACHRI, 'STREAM-200-YEAR'],
    [BUDI, 'STREAM-150-YEAR'],
  ] as const) {
    const run = await runUpgradeSteps(acts, {
      upgradeId: `upgrade-${customerId}-tech`,
      customerId,
      targetPackageCode: target,
      idempotencyKey: 'tech',
      requestedAt: new Date().toISOString(),
    });
    wo[customerId] = run.maintenanceWorkOrderNo!;
  }
  // FACHRI: missed at 08-10 on the day, booked again at 13-15 the same day. BUDI: nothing booked.
  const row = (status: 'MISSED' | 'BOOKED', slot: string, key: string) => ({
    woNumber: wo[FACHRI]!,
    upgradeId: `upgrade-${FACHRI}-tech`,
    area: 'JKT',
    date: new Date(`${day}T00:00:00Z`),
    slot,
    status,
    bookedBy: 'TECHNICIAN',
    requestKey: key,
    ...(status === 'MISSED' ? { pendingCategory: 'CUSTOMER_NOT_HOME', closedAt: new Date() } : {}),
  });
  await t.db.appointment.create({ data: row('MISSED', '08-10', 'tech-test-1') });
  await t.db.appointment.create({ data: row('BOOKED', '13-15', 'tech-test-2') });
  const app = createApp({ db: t.db, temporal: {} as never, config, logger: createLogger('silent') });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await closeUpgradeRuns();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.teardown();
});

describe('GET /v1/technician/visits', () => {
  it('lists the vendor’s day by slot, then every work order still to be booked', async () => {
    const answer = await get(`/v1/technician/visits?date=${day}`, await asTechnician());
    expect(answer.status).toBe(200);
    expect(TechnicianVisitList.safeParse(answer.body).error?.issues ?? []).toEqual([]);
    expect(answer.body).toMatchObject({
      vendor: INSTALLER_VENDOR,
      date: day,
      area: null,
      areas: ['BDG', 'JKT'],
      toBeBookedTotal: 1,
    });
    expect(
      answer.body.visits.map((v: Json) => [v.workOrderNumber, v.state, v.slot, v.pendingCategory, v.area]),
    ).toEqual([
      [wo[FACHRI], 'MISSED', '08-10', 'CUSTOMER_NOT_HOME', 'JKT'],
      [wo[FACHRI], 'BOOKED', '13-15', null, 'JKT'],
      [wo[BUDI], 'TO_BE_BOOKED', null, null, 'BDG'],
    ]);
    expect(answer.body.visits[1]).toMatchObject({
      customer: { id: FACHRI, name: 'FACHRI FATURACHMAN', customerType: 'VIP' },
      label: expect.stringMatching(/13\.00–15\.00 WIB$/),
      address: expect.stringContaining('TEBET'),
    });
  });

  it('filters by area, and another day has only what is still to be booked', async () => {
    const jakarta = await get(`/v1/technician/visits?date=${day}&area=JKT`, await asTechnician());
    expect(jakarta.body.visits.map((v: Json) => v.state)).toEqual(['MISSED', 'BOOKED']);
    expect(jakarta.body).toMatchObject({ area: 'JKT', areas: ['BDG', 'JKT'] });
    const other = await get(`/v1/technician/visits?date=${addDays(day, 1)}`, await asTechnician());
    expect(other.body.visits.map((v: Json) => [v.workOrderNumber, v.state])).toEqual([
      [wo[BUDI], 'TO_BE_BOOKED'],
    ]);
    const byDefault = await get('/v1/technician/visits', await asTechnician());
    expect(byDefault.body.date).toBe(today);
  });

  it('shows another vendor’s technician none of it, and refuses customers and operators', async () => {
    const other = await get(`/v1/technician/visits?date=${day}`, await asTechnicianOf('ICONNET'));
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ vendor: 'ICONNET', areas: [], visits: [] });
    for (const headers of [await asCustomer(FACHRI), await asCs()]) {
      expect((await get('/v1/technician/visits', headers)).status).toBe(403);
    }
    expect((await get('/v1/technician/visits', {})).status).toBe(401);
  });

  it('lists the 50 most urgent of many still to be booked, says how many in all, by area too', async () => {
    const due = (minutes: number) => new Date(Date.now() + 86_400_000 + minutes * 60_000);
    const many = Array.from({ length: 60 }, (_, i) => ({
      woNumber: `WO-01012020-${String(9_000_000 + i)}`,
      customerId: BUDI,
      type: 'MAINTENANCE' as const,
      status: 'REPLACING' as const,
      packageLabel: 'test',
      vendor: INSTALLER_VENDOR,
      fatCode: 'FAT-SBY-GBG-001',
      // Created in an order unlike their SLA's, so the answer's order is the query's.
      dueAt: due((i * 37) % 60),
    }));
    await t.db.workOrder.createMany({ data: many });
    try {
      const all = await get(`/v1/technician/visits?date=${addDays(day, 1)}`, await asTechnician());
      expect(TechnicianVisitList.safeParse(all.body).error?.issues ?? []).toEqual([]);
      expect(all.body).toMatchObject({ toBeBookedTotal: 61, areas: ['BDG', 'SBY'] });
      const listed = all.body.visits.map((v: Json) => v.workOrderNumber);
      const mostUrgent = [...many].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      // BUDI's swap is due in 3 days (its SLA), after every one of these.
      expect(listed).toEqual(mostUrgent.slice(0, 50).map((w) => w.woNumber));

      const surabaya = await get(
        `/v1/technician/visits?date=${addDays(day, 1)}&area=SBY`,
        await asTechnician(),
      );
      expect(surabaya.body).toMatchObject({ area: 'SBY', toBeBookedTotal: 60 });
      expect(surabaya.body.visits).toHaveLength(50);
      const bandung = await get(
        `/v1/technician/visits?date=${addDays(day, 1)}&area=BDG`,
        await asTechnician(),
      );
      expect(bandung.body).toMatchObject({ area: 'BDG', toBeBookedTotal: 1 });
      expect(bandung.body.visits.map((v: Json) => v.workOrderNumber)).toEqual([wo[BUDI]]);
    } finally {
      await t.db.workOrder.deleteMany({ where: { woNumber: { startsWith: 'WO-01012020-9' } } });
    }
  });

  it('refuses a day or an area that is not one (400)', async () => {
    for (const query of ['date=2025-13-40', 'date=tomorrow', 'area=jkt', 'area=J', 'sort=slot']) {
      const answer = await get(`/v1/technician/visits?${query}`, await asTechnician());
      expect([query, answer.status]).toEqual([query, 400]);
    }
  });
});

describe('GET /v1/technician/work-orders/{woNumber}: the job card', () => {
  it('has every field of the WO Maintenance form, the visit and its history, and the ONT now', async () => {
    const answer = await get(`/v1/technician/work-orders/${wo[FACHRI]}`, await asTechnician());
    expect(answer.status).toBe(200);
    expect(JobCard.safeParse(answer.body).error?.issues ?? []).toEqual([]);
    expect(answer.body).toMatchObject({
      woNumber: wo[FACHRI],
      type: 'MAINTENANCE',
      status: 'Replacing',
      state: 'BOOKED',
      vendor: 'MISITEL',
      customer: { id: FACHRI, name: 'FACHRI FATURACHMAN', customerType: 'VIP', phone: '+6281380002222' },
      homepass: { code: 'HP-JKT-TBT-0112', id: '640233', areaId: '137', clusterId: '1900' },
      area: 'JKT',
      fatCode: 'FAT-JKT-TBT-004',
      fatPort: 3,
      package: 'Stream 200 Yearly',
      ont: { serial: 'ZTEGC1F09A33', model: 'ZTE F609', band: 'SINGLE' },
      appointment: { date: day, slot: '13-15', status: 'BOOKED' },
    });
    expect(answer.body.jobDescription).toMatch(
      /^PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#JL\. TEBET BARAT/,
    );
    expect(
      answer.body.appointmentHistory.map((a: Json) => [a.slot, a.status, a.pendingCategory, a.closedBy]),
    ).toEqual([
      ['08-10', 'MISSED', 'CUSTOMER_NOT_HOME', 'TECHNICIAN'],
      ['13-15', 'BOOKED', null, null],
    ]);
    const budi = await get(`/v1/technician/work-orders/${wo[BUDI]}`, await asTechnician());
    expect(budi.body).toMatchObject({ state: 'TO_BE_BOOKED', appointment: null, appointmentHistory: [] });
  });

  it('records the technician’s reads of customers’ data: each customer a day list shows, the card’s', async () => {
    const reader = 'tech-misitel-pdp';
    const technician = {
      Authorization: `Bearer ${await tokenFor('technician', reader, 12, INSTALLER_VENDOR)}`,
    };
    const list = await get(`/v1/technician/visits?date=${day}`, technician);
    const shown = new Set<string>(list.body.visits.map((v: Json) => v.customer.id));
    expect(shown).toContain(FACHRI);
    expect((await get(`/v1/technician/work-orders/${wo[FACHRI]}`, technician)).status).toBe(200);
    const reads = await t.db.personalDataRead.findMany({ where: { reader }, orderBy: { id: 'asc' } });
    expect(reads.map((r) => [r.role, r.what, r.customerId])).toEqual([
      ...[...shown].map((id) => ['technician', 'listTechnicianVisits', id]),
      ['technician', 'getJobCard', FACHRI],
    ]);
    expect(reads.at(-1)?.resource).toBe(`/v1/technician/work-orders/${wo[FACHRI]}`);
  });

  it('is 404 to another vendor’s technician, on the card and on every action', async () => {
    const other = await asTechnicianOf('ICONNET');
    const card = await get(`/v1/technician/work-orders/${wo[FACHRI]}`, other);
    expect([card.status, card.body.detail]).toEqual([404, `work order ${wo[FACHRI]} does not exist`]);
    expect((await get(`/v1/work-orders/${wo[FACHRI]}/available-slots`, other)).status).toBe(404);
    const actions: Array<[string, unknown]> = [
      ['appointment', { date: day, slot: '15-17' }],
      ['visit-report', { outcome: 'PENDING', category: 'WEATHER' }],
      ['ont-replacement', { newOntSerial: 'ZTEGD8A1B2C3', newOntModel: 'ZTE F670L', band: 'DUAL' }],
    ];
    for (const [action, body] of actions) {
      const answer = await http<Json>(base, 'POST', `/v1/technician/work-orders/${wo[FACHRI]}/${action}`, {
        headers: other,
        body,
      });
      expect([action, answer.status]).toEqual([action, 404]);
    }
  });

  it('refuses to record a visit missed before its slot has begun, in words (409 VISIT_NOT_STARTED)', async () => {
    const answer = await http<Json>(base, 'POST', `/v1/technician/work-orders/${wo[FACHRI]}/visit-report`, {
      headers: await asTechnician(),
      body: { outcome: 'PENDING', category: 'CUSTOMER_NOT_HOME' },
    });
    expect([answer.status, answer.body.reason, answer.body.detail]).toEqual([
      409,
      'VISIT_NOT_STARTED',
      `the visit booked (13-15 on ${day}) has not started yet; it can be reported missed once its slot has begun`,
    ]);
    // Nothing was recorded: the visit stands.
    const card = await get(`/v1/technician/work-orders/${wo[FACHRI]}`, await asTechnician());
    expect(card.body.appointment).toMatchObject({ slot: '13-15', status: 'BOOKED', closedBy: null });
  });

  it('refuses customers and operators, says 404 for no such WO and for an upgrade WO (no vendor’s)', async () => {
    for (const headers of [await asCustomer(FACHRI), await asCs()]) {
      expect((await get(`/v1/technician/work-orders/${wo[FACHRI]}`, headers)).status).toBe(403);
    }
    expect((await get('/v1/technician/work-orders/WO-01012025-0000001', await asTechnician())).status).toBe(
      404,
    );
    const upgradeWo = await t.db.workOrder.findFirstOrThrow({
      where: { customerId: FACHRI, type: 'UPGRADE' },
    });
    // An upgrade WO names no vendor: no technician's, so its existence is not told (issue 31).
    expect(upgradeWo.vendor).toBeNull();
    const refused = await get(`/v1/technician/work-orders/${upgradeWo.woNumber}`, await asTechnician());
    expect([refused.status, refused.body.reason]).toEqual([404, 'UNKNOWN_WORK_ORDER']);
    expect((await get('/v1/technician/work-orders/WO-1', await asTechnician())).status).toBe(400);
  });
});
