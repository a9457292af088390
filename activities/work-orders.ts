import {
  changeOntJobDescription,
  jakartaDateOf,
  upgradeWorkOrderPackageLabel,
  workOrderNumber,
} from '../domain';
import { INSTALLER_VENDOR } from '../domain/visits';
import { type Database, updateIfMatches } from '../platform/database';
import { createOrFind } from '../platform/once';
import type { Prisma, WorkOrderType } from '../prisma/generated/client';
import type { ActivityDependencies } from './dependencies';
import { notFound } from './errors';
import { nextNumber } from './sequences';

export { INSTALLER_VENDOR };

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
      return createWorkOrderOnce(db, input.upgradeId, 'UPGRADE', (woNumber) => ({
        woNumber,
        customerId: input.customerId,
        upgradeId: input.upgradeId,
        ticketNo: input.ticketNo,
        type: 'UPGRADE',
        status: 'DONE',
        packageLabel: upgradeWorkOrderPackageLabel(input.targetPackageName, input.promoLabel),
        typePackage: 'INTERNET',
        totalIdr: 0,
        completedAt: new Date(),
      }));
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
      const workOrder = await createWorkOrderOnce(db, input.upgradeId, 'MAINTENANCE', (woNumber) => ({
        woNumber,
        customerId: customer.id,
        upgradeId: input.upgradeId,
        ticketNo: input.ticketNo,
        type: 'MAINTENANCE',
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
      }));
      await updateIfMatches(() =>
        db.upgradeRequest.update({
          where: { id: input.upgradeId, status: 'BILLING' },
          data: { status: 'AWAITING_ONT_SWAP' },
          select: { id: true },
        }),
      );
      return workOrder;
    },

    async completeWorkOrder(input: { woNumber: string; completedAt: string }): Promise<void> {
      await updateIfMatches(() =>
        db.workOrder.update({
          where: { woNumber: input.woNumber, status: { not: 'COMPLETED' } },
          data: { status: 'COMPLETED', completedAt: new Date(input.completedAt) },
          select: { woNumber: true },
        }),
      );
    },
  };
}

/** One work order of a type per upgrade; the (upgradeId, type) unique key makes retries harmless. */
async function createWorkOrderOnce(
  db: Database,
  upgradeId: string,
  type: WorkOrderType,
  build: (woNumber: string) => Prisma.WorkOrderUncheckedCreateInput,
): Promise<{ woNumber: string }> {
  const select = { woNumber: true } as const;
  const { row } = await createOrFind(
    async () => {
      const woNumber = workOrderNumber(jakartaDateOf(new Date()), await nextNumber(db, 'work_order_no_seq'));
      return db.workOrder.create({ data: build(woNumber), select });
    },
    () => db.workOrder.findUnique({ where: { upgradeId_type: { upgradeId, type } }, select }),
  );
  return row;
}
