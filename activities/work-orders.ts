import {
  changeOntJobDescription,
  jakartaDateOf,
  upgradeWorkOrderPackageLabel,
  workOrderNumber,
} from '../domain';
import type { Database } from '../platform/database';
import type { Prisma, WorkOrderType } from '../prisma/generated/client';
import type { ActivityDependencies } from '.';
import { isUniqueViolation, notFound } from './errors';
import { nextNumber } from './sequences';

/** The installer vendor the ISP dispatches ONT swaps to (deck: MISITEL). */
export const INSTALLER_VENDOR = 'MISITEL';

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
      return createOnce(db, input.upgradeId, 'UPGRADE', (woNumber) => ({
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

    /** WO Maintenance for the ONT swap, linked to the Change-ONT ticket, status Replacing. */
    async createMaintenanceWorkOrder(input: {
      upgradeId: string;
      customerId: string;
      ticketNo: string;
      targetPackageName: string;
    }): Promise<{ woNumber: string }> {
      const customer = await db.customer.findUnique({ where: { id: input.customerId } });
      if (!customer) throw notFound(`customer ${input.customerId} does not exist`);
      return createOnce(db, input.upgradeId, 'MAINTENANCE', (woNumber) => ({
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
      }));
    },

    async completeWorkOrder(input: { woNumber: string; completedAt: string }): Promise<void> {
      await db.workOrder.updateMany({
        where: { woNumber: input.woNumber, status: { not: 'COMPLETED' } },
        data: { status: 'COMPLETED', completedAt: new Date(input.completedAt) },
      });
    },
  };
}

async function createOnce(
  db: Database,
  upgradeId: string,
  type: WorkOrderType,
  build: (woNumber: string) => Prisma.WorkOrderUncheckedCreateInput,
): Promise<{ woNumber: string }> {
  const existing = await db.workOrder.findUnique({ where: { upgradeId_type: { upgradeId, type } } });
  if (existing) return { woNumber: existing.woNumber };
  try {
    const woNumber = workOrderNumber(jakartaDateOf(new Date()), await nextNumber(db, 'work_order_no_seq'));
    await db.workOrder.create({ data: build(woNumber) });
    return { woNumber };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.workOrder.findUniqueOrThrow({ where: { upgradeId_type: { upgradeId, type } } });
    return { woNumber: winner.woNumber };
  }
}
