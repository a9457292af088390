/** The ONT swap's bookkeeping steps, each one activity so the workflow reads like the deck. */
import type { ActivityDependencies } from './dependencies';
import { type OntReplacementInput, recordOntReplacement } from './devices';
import { addTicketNote } from './tickets';

export function createOntSwapActivities({ db }: ActivityDependencies) {
  return {
    /** Past the SLA: a note on the Change-ONT ticket, and the upgrade shows ESCALATED. */
    async escalateOntSwap(input: {
      upgradeId: string;
      ticketNo: string;
      note: string;
      escalatedAt: string;
    }): Promise<void> {
      await addTicketNote(db, input.ticketNo, input.note);
      await db.upgradeRequest.updateMany({
        where: { id: input.upgradeId, status: 'AWAITING_ONT_SWAP' },
        data: { status: 'ESCALATED', escalatedAt: new Date(input.escalatedAt) },
      });
    },

    /** The technician's report: the new ONT on record, the maintenance WO and the ticket closed. */
    async completeOntSwap(
      input: OntReplacementInput & { workOrderNumber: string; ticketNo: string },
    ): Promise<{ replacedSerials: string[] }> {
      const { workOrderNumber, ticketNo, ...replacement } = input;
      const result = await recordOntReplacement(db, replacement);
      // The WO completed, its booked visit (if any) done and the ticket closed: one statement, each
      // part a no-op when a retry finds it done already.
      const at = new Date(input.replacedAt);
      await db.$executeRaw`
        WITH wo AS (
          UPDATE "WorkOrder" SET "status" = 'COMPLETED', "completedAt" = ${at}
          WHERE "woNumber" = ${workOrderNumber} AND "status" <> 'COMPLETED'
          RETURNING 1
        ), visit AS (
          UPDATE "Appointment" SET "status" = 'DONE', "closedAt" = ${at}
          WHERE "woNumber" = ${workOrderNumber} AND "status" = 'BOOKED'
          RETURNING 1
        )
        UPDATE "Ticket" SET "status" = 'CLOSED', "closedAt" = ${at}
        WHERE "ticketNo" = ${ticketNo} AND "status" = 'OPEN'`;
      return result;
    },
  };
}
