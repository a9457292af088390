/**
 * A visit is reported missed only once its slot has begun (domain/visits.ts `missedReportRefusal`).
 * Tests against a running system book visits days ahead (a slot must be in the future to be booked),
 * so to report one missed they move the booked row to yesterday, as if the days had passed: its slot
 * and everything else stay, the run keeps its booking (it knows the row by its id).
 */
import { addDays, jakartaDateOf } from '../../domain/calendar';
import { createDatabase } from '../../platform/database';

/** Moves the work order's booked visit to yesterday (Jakarta), keeping its slot; returns that date. */
export async function visitSlotBegun(databaseUrl: string, woNumber: string): Promise<string> {
  const yesterday = addDays(jakartaDateOf(new Date()), -1);
  const db = createDatabase(databaseUrl, { maxConnections: 1 });
  try {
    const moved = await db.appointment.updateMany({
      where: { woNumber, status: 'BOOKED' },
      data: { date: new Date(`${yesterday}T00:00:00Z`) },
    });
    if (moved.count !== 1) throw new Error(`work order ${woNumber} has ${moved.count} visits booked, not 1`);
  } finally {
    await db.$disconnect();
  }
  return yesterday;
}
