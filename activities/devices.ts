import type { Database } from '../platform/database';
import { isUniqueViolation } from '../platform/once';
import { invalidState } from './errors';

export interface OntReplacementInput {
  upgradeId: string;
  customerId: string;
  newOntSerial: string;
  newOntModel: string;
  band: 'DUAL';
  replacedAt: string;
}

/** The swapped-in dual-band ONT becomes active; the old one stays in history as REPLACED. */
export async function recordOntReplacement(
  db: Database,
  input: OntReplacementInput,
): Promise<{ replacedSerials: string[] }> {
  const replacedAt = new Date(input.replacedAt);
  try {
    // The new serial is the key: a retry (or another installation's ONT) fails the INSERT and
    // the whole transaction, the replaced ones included.
    const [replaced] = await db.$transaction([
      db.ontDevice.updateManyAndReturn({
        where: { customerId: input.customerId, status: 'ACTIVE' },
        data: { status: 'REPLACED', replacedAt, replacedBySerial: input.newOntSerial },
        select: { serial: true },
      }),
      db.ontDevice.create({
        data: {
          serial: input.newOntSerial,
          customerId: input.customerId,
          model: input.newOntModel,
          band: input.band,
          status: 'ACTIVE',
          installedAt: replacedAt,
          upgradeId: input.upgradeId,
        },
        select: { serial: true },
      }),
    ]);
    return { replacedSerials: replaced.map((d) => d.serial) };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.ontDevice.findUnique({ where: { serial: input.newOntSerial } });
    if (existing?.upgradeId !== input.upgradeId) {
      throw invalidState(`ONT ${input.newOntSerial} is already registered to another installation`);
    }
    const replaced = await db.ontDevice.findMany({ where: { replacedBySerial: input.newOntSerial } });
    return { replacedSerials: replaced.map((d) => d.serial) };
  }
}
