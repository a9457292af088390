import type { UpgradeWorkflowInput } from '../contracts/upgrade';
import type { ActivityDependencies } from '.';

export function createUpgradeRequestActivities({ db }: ActivityDependencies) {
  return {
    /** The durable record of the customer's request; a retry finds the row already there. */
    async recordUpgradeRequest(input: UpgradeWorkflowInput): Promise<void> {
      await db.upgradeRequest.upsert({
        where: { id: input.upgradeId },
        create: {
          id: input.upgradeId,
          customerId: input.customerId,
          idempotencyKey: input.idempotencyKey,
          targetPackageCode: input.targetPackageCode,
          requestedAt: new Date(input.requestedAt),
        },
        update: {},
      });
    },
  };
}
