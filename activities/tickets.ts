import {
  CHANGE_ONT_TICKET_DESCRIPTION,
  CHANGE_ONT_TICKET_TITLE,
  SELFCARE_MODE,
  SYSTEM_TICKET_CREATOR,
  ticketNumber,
  upgradeTicketDescription,
  upgradeTicketTitle,
} from '../domain';
import type { Database } from '../platform/database';
import type { Prisma, TicketKind } from '../prisma/generated/client';
import type { ActivityDependencies } from './dependencies';
import { notFound } from './errors';
import { oncePerUpgrade, type UpgradeRowKey } from './once-per-upgrade';
import { nextNumber } from './sequences';

export interface UpgradeTicketInput {
  upgradeId: string;
  customerId: string;
  fromPackageName: string;
  targetPackageName: string;
  targetPriceIdr: number;
}

const TICKET_NO = { ticketNo: true } as const;

/** One ticket of a kind per upgrade, numbered from ticket_no_seq. */
const openOnce = oncePerUpgrade({
  draw: async (db) => ticketNumber(await nextNumber(db, 'ticket_no_seq')),
  create: (
    db,
    { number, upgradeId, kind }: UpgradeRowKey<TicketKind>,
    rest: Omit<Prisma.TicketUncheckedCreateInput, 'ticketNo' | 'upgradeId' | 'kind'>,
  ) => db.ticket.create({ data: { ticketNo: number, upgradeId, kind, ...rest }, select: TICKET_NO }),
  find: (db, upgradeId, kind) =>
    db.ticket.findUnique({ where: { upgradeId_kind: { upgradeId, kind } }, select: TICKET_NO }),
});

export function createTicketActivities({ db }: ActivityDependencies) {
  return {
    /** TT Upgrade, auto-closed: created and closed at the same instant (deck). */
    async openUpgradeTicket(input: UpgradeTicketInput): Promise<{ ticketNo: string }> {
      const now = new Date();
      return openOnce(db, input.upgradeId, 'UPGRADE', {
        customerId: input.customerId,
        title: upgradeTicketTitle(input.targetPackageName, input.targetPriceIdr),
        description: upgradeTicketDescription(
          input.fromPackageName,
          input.targetPackageName,
          input.targetPriceIdr,
        ),
        status: 'CLOSED',
        createdBy: SYSTEM_TICKET_CREATOR,
        mode: SELFCARE_MODE,
        createdAt: now,
        closedAt: now,
      });
    },

    /** TT SR – Change ONT, open until the technician reports the swap. */
    async openChangeOntTicket(input: {
      upgradeId: string;
      customerId: string;
    }): Promise<{ ticketNo: string }> {
      return openOnce(db, input.upgradeId, 'CHANGE_ONT', {
        customerId: input.customerId,
        title: CHANGE_ONT_TICKET_TITLE,
        description: CHANGE_ONT_TICKET_DESCRIPTION,
        status: 'OPEN',
        createdBy: SYSTEM_TICKET_CREATOR,
        mode: SELFCARE_MODE,
      });
    },
  };
}

/** Appends a note to a ticket once (a retry finds it already there). */
export async function addTicketNote(db: Database, ticketNo: string, note: string): Promise<void> {
  const ticket = await db.ticket.findUnique({ where: { ticketNo }, select: { notes: true } });
  if (!ticket) throw notFound(`ticket ${ticketNo} does not exist`);
  if (ticket.notes.includes(note)) return;
  await db.ticket.update({ where: { ticketNo }, data: { notes: { push: note } } });
}
