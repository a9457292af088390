/** The ONT swap's bookkeeping steps, each one activity so the workflow reads like the deck. */
import type { ActivityDependencies } from './dependencies';
import { createDeviceActivities, type OntReplacementInput } from './devices';
import { createTicketActivities } from './tickets';
import { createWorkOrderActivities } from './work-orders';

export function createOntSwapActivities(deps: ActivityDependencies) {
  const { db } = deps;
  const tickets = createTicketActivities(deps);
  const workOrders = createWorkOrderActivities(deps);
  const devices = createDeviceActivities(deps);
  return {
    /** Past the SLA: a note on the Change-ONT ticket, and the upgrade shows ESCALATED. */
    async escalateOntSwap(input: {
      upgradeId: string;
      ticketNo: string;
      note: string;
      escalatedAt: string;
    }): Promise<void> {
      await tickets.addTicketNote({ ticketNo: input.ticketNo, note: input.note });
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
      const result = await devices.recordOntReplacement(replacement);
      await workOrders.completeWorkOrder({ woNumber: workOrderNumber, completedAt: input.replacedAt });
      await db.appointment.updateMany({
        where: { woNumber: workOrderNumber, status: 'BOOKED' },
        data: { status: 'DONE', closedAt: new Date(input.replacedAt) },
      });
      await tickets.closeTicket({ ticketNo, closedAt: input.replacedAt });
      return result;
    },
  };
}
