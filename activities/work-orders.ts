import {
  changeOntJobDescription,
  jakartaDateOf,
  upgradeWorkOrderPackageLabel,
  workOrderNumber,
} from '../domain';
import { INSTALLER_VENDOR } from '../domain/visits';
import { updateIfMatches } from '../platform/database';
import type { Prisma, WorkOrderType } from '../prisma/generated/client';
import type { ActivityDependencies } from './dependencies';
import { notFound } from './errors';
import { oncePerUpgrade, type UpgradeRowKey } from './once-per-upgrade';
import { nextNumber } from './sequences';

export { INSTALLER_VENDOR };

const WO_NUMBER = { woNumber: true } as const;

/** One work order of a type per upgrade, numbered by the day (Jakarta) and work_order_no_seq. */
const createWorkOrderOnce = oncePerUpgrade({
  draw: async (db) => workOrderNumber(jakartaDateOf(new Date()), await nextNumber(db, 'work_order_no_seq')),
  create: (
    db,
    { number, upgradeId, kind }: UpgradeRowKey<WorkOrderType>,
    rest: Omit<Prisma.WorkOrderUncheckedCreateInput, 'woNumber' | 'upgradeId' | 'type'>,
  ) => db.workOrder.create({ data: { woNumber: number, upgradeId, type: kind, ...rest }, select: WO_NUMBER }),
  find: (db, upgradeId, type) =>
    db.workOrder.findUnique({ where: { upgradeId_type: { upgradeId, type } }, select: WO_NUMBER }),
});

export function createWorkOrderActivities({ db }: ActivityDependencies) {
  return {
    /** WO Upgrade: INTERNET, type UPGRADE, total 0; the package with its promo when one applies. */
    async createUpgradeWorkOrder(input: {
      upgradeId: string;
      customerId: string;
      targetPackageName: string;
      promoLabel: string | null;
      ticketNo: string;
    }): Promise<{ woNumber: string }> {
      return createWorkOrderOnce(db, input.upgradeId, 'UPGRADE', {
        customerId: input.customerId,
        ticketNo: input.ticketNo,
        status: 'DONE',
        packageLabel: upgradeWorkOrderPackageLabel(input.targetPackageName, input.promoLabel),
        typePackage: 'INTERNET',
        totalIdr: 0,
        completedAt: new Date(),
      });
    },

    /**
     * WO Maintenance for the ONT swap, linked to the Change-ONT ticket, status Replacing, due at
     * the end of the swap SLA. From here on the upgrade awaits the technician.
     */
    async createMaintenanceWorkOrder(input: {
      upgradeId: string;
      customerId: string;
      ticketNo: string;
      targetPackageName: string;
      /** ISO instant the swap is due (SLA); absent for runs started before it was recorded. */
      dueAt?: string;
    }): Promise<{ woNumber: string }> {
      const customer = await db.customer.findUnique({ where: { id: input.customerId } });
      if (!customer) throw notFound(`customer ${input.customerId} does not exist`);
      const workOrder = await createWorkOrderOnce(db, input.upgradeId, 'MAINTENANCE', {
        customerId: customer.id,
        ticketNo: input.ticketNo,
        status: 'REPLACING',
        packageLabel: input.targetPackageName,
        typePackage: 'INTERNET',
        totalIdr: 0,
        vendor: INSTALLER_VENDOR,
        fatCode: customer.fatCode,
        fatPort: customer.fatPort,
        address: customer.installationAddress,
        homepass: `${customer.homepassCode} (${customer.homepassId})`,
        jobDescription: changeOntJobDescription(customer.installationAddress),
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
      });
      await updateIfMatches(() =>
        db.upgradeRequest.update({
          where: { id: input.upgradeId, status: 'BILLING' },
          data: { status: 'AWAITING_ONT_SWAP' },
          select: { id: true },
        }),
      );
      return workOrder;
    },
  };
}
