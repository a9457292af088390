import type { ActivityDependencies } from './dependencies';
import { invalidState } from './errors';

export interface OntReplacementInput {
  upgradeId: string;
  customerId: string;
  newOntSerial: string;
  newOntModel: string;
  band: 'DUAL';
  replacedAt: string;
}

export function createDeviceActivities({ db }: ActivityDependencies) {
  return {
    /** The swapped-in dual-band ONT becomes active; the old one stays in history as REPLACED. */
    async recordOntReplacement(input: OntReplacementInput): Promise<{ replacedSerials: string[] }> {
      const existing = await db.ontDevice.findUnique({ where: { serial: input.newOntSerial } });
      if (existing) {
        if (existing.upgradeId === input.upgradeId) {
          const replaced = await db.ontDevice.findMany({ where: { replacedBySerial: input.newOntSerial } });
          return { replacedSerials: replaced.map((d) => d.serial) };
        }
        throw invalidState(`ONT ${input.newOntSerial} is already registered to another installation`);
      }
      const replacedAt = new Date(input.replacedAt);
      return db.$transaction(async (tx) => {
        const current = await tx.ontDevice.findMany({
          where: { customerId: input.customerId, status: 'ACTIVE' },
        });
        await tx.ontDevice.updateMany({
          where: { customerId: input.customerId, status: 'ACTIVE' },
          data: { status: 'REPLACED', replacedAt, replacedBySerial: input.newOntSerial },
        });
        await tx.ontDevice.create({
          data: {
            serial: input.newOntSerial,
            customerId: input.customerId,
            model: input.newOntModel,
            band: input.band,
            status: 'ACTIVE',
            installedAt: replacedAt,
            upgradeId: input.upgradeId,
          },
        });
        return { replacedSerials: current.map((d) => d.serial) };
      });
    },
  };
}
