/**
 * Scenario B's wait as a field-service visit, over HTTP on the real stack: the vendor books a
 * visit, two customers race for one last place, the customer moves it, the reminder is armed for
 * the day before, the technician reports it missed, the vendor books again, and the swap (early)
 * completes the upgrade. Rows, emails, the Web UI's search attribute and the views tell one story.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { Client as PgClient } from 'pg';
import { jakartaDateOf } from '../../domain/calendar';
import { reminderAt, slotsBetween, type VisitSlot, visitStart } from '../../domain/visits';
import { addCustomers } from '../faults/support';
import { asCs, asCustomer, asTechnician, callerFor, tokensFrom } from '../helpers/auth';
import { recordHistories } from '../helpers/histories';
import { eventually, http } from '../helpers/http';
import { testDataConverter } from '../helpers/temporal';
import { visitSlotBegun } from '../helpers/visit-clock';
import { type LocalSystem, startLocalSystem } from '../support/harness';

const CUSTOMER = '29500001';
const RIVAL = '29500002';
const OTHER_RIVAL = '29500003';
const UPGRADE = `upgrade-${CUSTOMER}-visit`;

let system: LocalSystem;
let pg: PgClient;
let temporal: Client;

beforeAll(async () => {
  // An SLA past every visit here, so the run's next timer is the reminder, not an escalation.
  system = await startLocalSystem({ label: 'visit', env: { ONT_SWAP_SLA: '10 days' } });
  tokensFrom(system.issuerUrl);
  pg = new PgClient({ connectionString: system.databaseUrl });
  await pg.connect();
  await addCustomers(pg, [
    { id: CUSTOMER, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
    { id: RIVAL, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
    { id: OTHER_RIVAL, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
  ]);
  // The test area's installer has one place left at 10-12.
  await pg.query(`INSERT INTO "VisitCapacity" (area, slot, places) VALUES ('TST', '10-12', 1)`);
  temporal = new Client({
    connection: await Connection.connect({ address: system.temporalAddress }),
    dataConverter: testDataConverter,
  });
}, 240_000);

afterAll(async () => {
  await recordHistories(system.temporalAddress, [UPGRADE]);
  await temporal?.connection.close();
  await pg?.end();
  await system?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  http<Json>(system.apiUrl, method, path, { body, headers: { ...(await callerFor(path)), ...headers } });
const statusOf = (upgradeId: string, status: string) =>
  eventually(
    () => api('GET', `/v1/upgrades/${upgradeId}`),
    (answer) => answer.body.status === status,
  );
const subjects = async (customerId: string) =>
  (await api('GET', `/v1/dev/outbox?customerId=${customerId}`)).body.messages.map((m: Json) => m.subject);
const bookAs = (wo: string, visit: { date: string; slot: string }) =>
  api('POST', `/v1/technician/work-orders/${wo}/appointment`, visit);
const moveAs = (customerId: string, wo: string, visit: { date: string; slot: string }) =>
  api('PUT', `/v1/customers/${customerId}/work-orders/${wo}/appointment`, visit);

async function startWaiting(customerId: string, key: string): Promise<string> {
  const started = await api(
    'POST',
    `/v1/customers/${customerId}/upgrades`,
    { targetPackageCode: 'STREAM-200-YEAR' },
    { 'Idempotency-Key': key },
  );
  expect(started.status).toBe(202);
  const waiting = await statusOf(started.body.upgradeId, 'AWAITING_ONT_SWAP');
  return waiting.body.maintenanceWorkOrderNo;
}

/** Working days from two days ahead, at 08-10: far enough for the customer's 24-hour rule. */
const days = slotsBetween(jakartaDateOf(new Date(Date.now() + 2 * 86_400_000)), 14)
  .filter((s) => s.slot === '08-10')
  .map((s) => s.date);
/** The next Sunday in Jakarta, when no visits are made. */
const sunday = [...Array(7).keys()]
  .map((i) => jakartaDateOf(new Date(Date.now() + (i + 1) * 86_400_000)))
  .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 0)!;

describe('the ONT visit, booked, moved, missed, rebooked and done', () => {
  let wo: string;

  it('the vendor books the visit; the customer sees it and is told', async () => {
    wo = await startWaiting(CUSTOMER, 'visit');
    const slots = await api('GET', `/v1/work-orders/${wo}/available-slots?days=7`);
    expect(slots.status).toBe(200);
    expect(slots.body.area).toBe('TST');
    expect(slots.body.slots.find((s: Json) => s.date === days[0] && s.slot === '08-10')?.free).toBe(4);

    const booked = await bookAs(wo, { date: days[0]!, slot: '08-10' });
    expect(booked.status).toBe(201);
    expect(booked.body.appointment).toMatchObject({ date: days[0], slot: '08-10', status: 'BOOKED' });
    const home = await api('GET', `/v1/customers/${CUSTOMER}/home`);
    expect(home.body.technicianVisit.appointment).toMatchObject({ date: days[0], slot: '08-10' });
    const view = await api('GET', `/v1/upgrades/${UPGRADE}`);
    expect(view.body.steps.map((s: Json) => s.name)).toContain('ONT_VISIT_BOOKED');
    await eventually(
      () => subjects(CUSTOMER),
      (list) => list.includes('Jadwal Kunjungan Teknisi untuk Penggantian ONT'),
    );

    const early = await api('POST', `/v1/technician/work-orders/${wo}/ont-replacement`, {
      newOntSerial: 'ZTEGD4B71V01',
      newOntModel: 'ZTE F670L',
      band: 'DUAL',
    });
    expect([early.status, early.body.reason]).toEqual([409, 'BEFORE_VISIT']);
  });

  it('the slots offered start 24 h ahead for the customer and CS; the vendor is offered every slot not begun', async () => {
    const path = `/v1/work-orders/${wo}/available-slots?days=3`;
    const offered = async (headers: Record<string, string>) => {
      const answer = await http<Json>(system.apiUrl, 'GET', path, { headers });
      expect(answer.status).toBe(200);
      return answer.body.slots.map((s: Json) => `${s.date} ${s.slot}`) as string[];
    };
    const now = Date.now();
    const [vendor, customer, cs] = await Promise.all([
      offered(await asTechnician()),
      offered(await asCustomer(CUSTOMER)),
      offered(await asCs()),
    ]);
    const dayAhead = (slot: string) => {
      const [date, hours] = slot.split(' ') as [string, string];
      return visitStart(date, hours as VisitSlot).getTime() - now >= 24 * 3_600_000;
    };
    // Three days from today always hold slots a day ahead, and on most days some nearer ones.
    expect(customer.length).toBeGreaterThan(0);
    expect(customer).toEqual(vendor.filter(dayAhead));
    expect(cs).toEqual(customer);
  });

  it('two customers race for the last place of a slot: one gets it, the other is told it is full', async () => {
    const [rivalWo, otherWo] = await Promise.all([
      startWaiting(RIVAL, 'visit'),
      startWaiting(OTHER_RIVAL, 'visit'),
    ]);
    const last = { date: days[1]!, slot: '10-12' };
    const answers = await Promise.all([bookAs(rivalWo, last), bookAs(otherWo!, last)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.reason).toBe('SLOT_FULL');
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM "Appointment" WHERE area = 'TST' AND date = $1 AND slot = '10-12' AND status = 'BOOKED'`,
      [last.date],
    );
    expect(rows[0].n).toBe(1);
  });

  it('the customer moves the visit; refusals are precise; the reminder is armed for the day before', async () => {
    for (const [visit, reason] of [
      [{ date: '2020-01-06', slot: '08-10' }, 'IN_THE_PAST'],
      [{ date: sunday, slot: '08-10' }, 'NOT_A_WORKING_DAY'],
      [{ date: days[2]!, slot: '12-14' }, 'NOT_A_SLOT'],
      [{ date: '2030-02-30', slot: '08-10' }, 'NOT_A_DATE'],
    ] as const) {
      const refused = await moveAs(CUSTOMER, wo, visit);
      expect([visit, refused.status, refused.body.reason]).toEqual([visit, 422, reason]);
    }
    const moved = await moveAs(CUSTOMER, wo, { date: days[2]!, slot: '13-15' });
    expect(moved.status).toBe(200);
    expect(moved.body.appointment).toMatchObject({ date: days[2], slot: '13-15', bookedBy: 'CUSTOMER' });
    await eventually(
      () => subjects(CUSTOMER),
      (list) => list.includes('Jadwal Kunjungan Teknisi Diubah'),
    );

    // The run now sleeps on a durable timer until 09:00 Jakarta the day before the moved visit.
    const reminder = reminderAt(days[2]!).getTime();
    const timers = await eventually(
      async () => {
        const history = await temporal.workflow.getHandle(UPGRADE).fetchHistory();
        return history.events!.filter(
          (e) => e.eventType === proto.api.enums.v1.EventType.EVENT_TYPE_TIMER_STARTED,
        );
      },
      (found) => found.length > 0 && Math.abs(firesAt(found.at(-1)!) - reminder) < 5_000,
      10_000,
    );
    expect(timers.at(-1)!.timerStartedEventAttributes?.startToFireTimeout).toBeDefined();

    const { rows } = await pg.query(
      `SELECT status, "bookedBy" FROM "Appointment" WHERE "woNumber" = $1 ORDER BY id`,
      [wo],
    );
    expect(rows).toEqual([
      { status: 'MOVED', bookedBy: 'TECHNICIAN' },
      { status: 'BOOKED', bookedBy: 'CUSTOMER' },
    ]);
  });

  it('the technician reports the visit missed; the vendor books again; the early swap completes it', async () => {
    // A visit is reported missed once its slot has begun: as if the days had passed.
    await visitSlotBegun(system.databaseUrl, wo);
    const missed = await api('POST', `/v1/technician/work-orders/${wo}/visit-report`, {
      outcome: 'PENDING',
      category: 'CUSTOMER_NOT_HOME',
      remark: 'Rumah kosong, telepon tidak diangkat',
    });
    expect(missed.status).toBe(202);
    await eventually(
      () => api('GET', `/v1/ops/work-orders/${wo}`),
      (answer) => answer.body.appointmentHistory.at(-1)?.status === 'MISSED',
    );
    await eventually(
      () => subjects(CUSTOMER),
      (list) => list.includes('Kunjungan Teknisi Belum Terlaksana'),
    );
    const home = await api('GET', `/v1/customers/${CUSTOMER}/home`);
    expect(home.body.technicianVisit.appointment).toBeNull();
    const view = await api('GET', `/v1/upgrades/${UPGRADE}`);
    expect(view.body.steps.map((s: Json) => s.name)).toContain('ONT_VISIT_MISSED');

    const rebooked = await bookAs(wo, { date: days[3]!, slot: '15-17' });
    expect(rebooked.status).toBe(201);
    const visitAt = visitStart(days[3]!, '15-17').getTime();
    const around = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const query = `VisitDate >= "${around(visitAt - 1_000)}" AND VisitDate <= "${around(visitAt + 1_000)}"`;
    await eventually(
      async () => {
        const found: string[] = [];
        for await (const run of temporal.workflow.list({ query })) {
          found.push(run.workflowId);
        }
        return found;
      },
      (found) => found.includes(UPGRADE),
    );

    const swapped = await api('POST', `/v1/technician/work-orders/${wo}/ont-replacement`, {
      newOntSerial: 'ZTEGD4B71V01',
      newOntModel: 'ZTE F670L',
      band: 'DUAL',
      early: true,
    });
    expect(swapped.status).toBe(202);
    const done = await statusOf(UPGRADE, 'COMPLETED');
    expect(done.body.ontSwap.appointment).toMatchObject({ date: days[3], slot: '15-17', status: 'DONE' });
    expect(done.body.ontSwap.appointmentHistory.map((a: Json) => a.status)).toEqual([
      'MOVED',
      'MISSED',
      'DONE',
    ]);
    expect(done.body.ontSwap.appointmentHistory[1]).toMatchObject({
      pendingCategory: 'CUSTOMER_NOT_HOME',
      remark: 'Rumah kosong, telepon tidak diangkat',
    });
    const steps = done.body.steps.map((s: Json) => s.name);
    expect(steps).toContain('ONT_REPLACED');
    expect(await subjects(CUSTOMER)).toContain('[Oxygen.id] Penggantian Perangkat (ONT) Kamu Telah Berhasil');
  });
});

function firesAt(event: proto.api.history.v1.IHistoryEvent): number {
  const started = Number(event.eventTime!.seconds) * 1000 + Math.floor((event.eventTime!.nanos ?? 0) / 1e6);
  const timeout = event.timerStartedEventAttributes!.startToFireTimeout!;
  return started + Number(timeout.seconds) * 1000 + Math.floor((timeout.nanos ?? 0) / 1e6);
}
