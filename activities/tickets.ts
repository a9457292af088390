import {
  CHANGE_ONT_TICKET_DESCRIPTION,
  CHANGE_ONT_TICKET_TITLE,
  SELFCARE_MODE,
  SYSTEM_TICKET_CREATOR,
  ticketNumber,
  upgradeTicketDescription,
  upgradeTicketTitle,
} from '../domain';
import { type Database, updateIfMatches } from '../platform/database';
import { createOrFind } from '../platform/once';
import type { Prisma, TicketKind } from '../prisma/generated/client';
import type { ActivityDependencies } from './dependencies';
import { notFound } from './errors';
import { nextNumber } from './sequences';

export interface UpgradeTicketInput {
  upgradeId: string;
  customerId: string;
  fromPackageName: string;
  targetPackageName: string;
  targetPriceIdr: number;
}

export function createTicketActivities({ db }: ActivityDependencies) {
  return {
    /** TT Upgrade, auto-closed: created and closed at the same instant (deck). */
    async openUpgradeTicket(input: UpgradeTicketInput): Promise<{ ticketNo: string }> {
      const now = new Date();
      return openOnce(db, input.upgradeId, 'UPGRADE', (ticketNo) => ({
        ticketNo,
        customerId: input.customerId,
        upgradeId: input.upgradeId,
        kind: 'UPGRADE',
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
      }));
    },

    /** TT SR – Change ONT, open until the technician reports the swap. */
    async openChangeOntTicket(input: {
      upgradeId: string;
      customerId: string;
    }): Promise<{ ticketNo: string }> {
      return openOnce(db, input.upgradeId, 'CHANGE_ONT', (ticketNo) => ({
        ticketNo,
        customerId: input.customerId,
        upgradeId: input.upgradeId,
        kind: 'CHANGE_ONT',
        title: CHANGE_ONT_TICKET_TITLE,
        description: CHANGE_ONT_TICKET_DESCRIPTION,
        status: 'OPEN',
        createdBy: SYSTEM_TICKET_CREATOR,
        mode: SELFCARE_MODE,
      }));
    },

    /** Appends a note once (a retry finds it already there). */
    async addTicketNote(input: { ticketNo: string; note: string }): Promise<void> {
      const ticket = await db.ticket.findUnique({ where: { ticketNo: input.ticketNo } });
      if (!ticket) throw notFound(`ticket ${input.ticketNo} does not exist`);
      if (ticket.notes.includes(input.note)) return;
      await db.ticket.update({ where: { ticketNo: input.ticketNo }, data: { notes: { push: input.note } } });
    },

    async closeTicket(input: { ticketNo: string; closedAt: string }): Promise<void> {
      await updateIfMatches(() =>
        db.ticket.update({
          where: { ticketNo: input.ticketNo, status: 'OPEN' },
          data: { status: 'CLOSED', closedAt: new Date(input.closedAt) },
          select: { ticketNo: true },
        }),
      );
    },
  };
}

/** One ticket of a kind per upgrade; the (upgradeId, kind) unique key makes retries harmless. */
async function openOnce(
  db: Database,
  upgradeId: string,
  kind: TicketKind,
  build: (ticketNo: string) => Prisma.TicketUncheckedCreateInput,
): Promise<{ ticketNo: string }> {
  const select = { ticketNo: true } as const;
  const { row } = await createOrFind(
    async () =>
      db.ticket.create({ data: build(ticketNumber(await nextNumber(db, 'ticket_no_seq'))), select }),
    () => db.ticket.findUnique({ where: { upgradeId_kind: { upgradeId, kind } }, select }),
  );
  return row;
}
