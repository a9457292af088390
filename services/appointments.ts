/**
 * The technician's visit as the API shows it (from `Appointment` rows), and the free places of
 * the vendor's slots for a work order's area.
 */
import { toJakartaIso } from '../domain';
import {
  bookingRefusal,
  formatVisit,
  slotsBetween,
  type VisitPendingCategory,
  type VisitSlot,
  visitArea,
} from '../domain/visits';
import type { Database } from '../platform/database';
import type { Appointment, Prisma } from '../prisma/generated/client';

/** One booking of the technician's visit, from its row. */
export interface AppointmentSummary {
  date: string;
  slot: string;
  status: 'BOOKED' | 'MOVED' | 'MISSED' | 'DONE' | 'CANCELLED';
  bookedBy: 'TECHNICIAN' | 'CUSTOMER' | 'CS';
  pendingCategory: string | null;
  remark: string | null;
  bookedAt: string;
  closedAt: string | null;
  /**
   * Who closed it: MOVED by whoever booked the visit that replaced it (the next row); MISSED and
   * DONE by the vendor's technician (only their reports close a visit so); CANCELLED and BOOKED: null.
   */
  closedBy: AppointmentSummary['bookedBy'] | null;
}

export function appointmentSummary(row: Appointment): AppointmentSummary {
  return {
    date: row.date.toISOString().slice(0, 10),
    slot: row.slot,
    status: row.status,
    bookedBy: row.bookedBy as AppointmentSummary['bookedBy'],
    pendingCategory: row.pendingCategory,
    remark: row.remark,
    bookedAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.status === 'MISSED' || row.status === 'DONE' ? 'TECHNICIAN' : null,
  };
}

/** The visit that stands: the one booked, or the one the swap was done on. */
export function currentAppointment(history: AppointmentSummary[]): AppointmentSummary | null {
  return history.filter((a) => a.status === 'BOOKED' || a.status === 'DONE').at(-1) ?? null;
}

/** Every booking of the work orders, oldest first, by work order. */
export const appointmentsByWorkOrder = (db: Database, woNumbers: string[]) =>
  bookings(db, { woNumber: { in: woNumbers } });

/** The same, found by the upgrades the appointments belong to. */
export const appointmentsOfUpgrades = (db: Database, upgradeIds: string[]) =>
  bookings(db, { upgradeId: { in: upgradeIds } });

async function bookings(db: Database, where: Prisma.AppointmentWhereInput) {
  return byWorkOrder(
    await db.appointment.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  );
}

function byWorkOrder(rows: Appointment[]): Map<string, AppointmentSummary[]> {
  const byWo = new Map<string, AppointmentSummary[]>();
  for (const row of rows)
    byWo.set(row.woNumber, [...(byWo.get(row.woNumber) ?? []), appointmentSummary(row)]);
  for (const history of byWo.values()) {
    // A move closes the visit booked and books the new one in one transaction: the next row.
    history.forEach((a, i) => {
      if (a.status === 'MOVED') a.closedBy = history[i + 1]?.bookedBy ?? null;
    });
  }
  return byWo;
}

/**
 * Slots from `from` for `days` days in the work order's area, with their free places: those
 * bookable at `now`, at least `minLeadHours` ahead.
 */
export async function availableSlots(
  db: Database,
  fatCode: string | null,
  from: string,
  days: number,
  bookable: { now: Date; minLeadHours: number },
): Promise<{ area: string; slots: Array<{ date: string; slot: VisitSlot; free: number }> }> {
  const area = visitArea(fatCode);
  const slots = slotsBetween(from, days).filter(
    ({ date, slot }) => bookingRefusal({ date, slot, ...bookable }) === null,
  );
  if (slots.length === 0) return { area, slots: [] };
  const [capacities, booked] = await Promise.all([
    db.visitCapacity.findMany({ where: { area: { in: [area, 'DEFAULT'] } } }),
    db.appointment.groupBy({
      by: ['date', 'slot'],
      where: { area, status: 'BOOKED', date: { gte: new Date(`${slots[0]!.date}T00:00:00Z`) } },
      _count: { _all: true },
    }),
  ]);
  const places = (slot: string) =>
    (capacities.find((c) => c.area === area && c.slot === slot) ?? capacities.find((c) => c.slot === slot))
      ?.places ?? 0;
  const taken = (date: string, slot: string) =>
    booked.find((b) => b.date.toISOString().slice(0, 10) === date && b.slot === slot)?._count._all ?? 0;
  return {
    area,
    slots: slots.map(({ date, slot }) => ({
      date,
      slot,
      free: Math.max(0, places(slot) - taken(date, slot)),
    })),
  };
}

/** The summary as the API answers it: instants in Jakarta time, the visit in words. */
export function appointmentView(a: AppointmentSummary) {
  return {
    ...a,
    slot: a.slot as VisitSlot,
    pendingCategory: a.pendingCategory as VisitPendingCategory | null,
    label: formatVisit(a.date, a.slot as VisitSlot),
    bookedAt: toJakartaIso(new Date(a.bookedAt)),
    closedAt: a.closedAt && toJakartaIso(new Date(a.closedAt)),
  };
}
