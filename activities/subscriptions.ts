import { addMonths, jakartaDateOf } from '../domain';
import type { ActivityDependencies } from './dependencies';
import { notFound } from './errors';

export function createSubscriptionActivities({ db }: ActivityDependencies) {
  return {
    /**
     * Switches the subscription to the new package; the new term starts on the upgrade day
     * (the bill's billing month). Recorded once per upgrade in the change history.
     */
    async switchSubscription(input: {
      upgradeId: string;
      customerId: string;
      targetPackageCode: string;
      termMonths: number;
      requestedAt: string;
    }): Promise<{ periodStart: string; periodEnd: string }> {
      const { upgradeId, customerId, targetPackageCode } = input;
      const start = jakartaDateOf(new Date(input.requestedAt));
      const end = addMonths(start, input.termMonths);
      // One statement: the change row (from the package the subscription has, locked) and the
      // switch, or neither when this upgrade's change is on record already (a retry).
      const switched = await db.$executeRaw`
        WITH current AS (
          SELECT "packageCode" FROM "Subscription" WHERE "customerId" = ${customerId} FOR UPDATE
        ), change AS (
          INSERT INTO "SubscriptionChange"
            ("customerId", "upgradeId", "fromPackageCode", "toPackageCode", "periodStart", "periodEnd")
          SELECT ${customerId}, ${upgradeId}, "packageCode", ${targetPackageCode}, ${start}::date, ${end}::date
          FROM current
          ON CONFLICT ("upgradeId") DO NOTHING
          RETURNING 1
        )
        UPDATE "Subscription"
        SET "packageCode" = ${targetPackageCode}, "periodStart" = ${start}::date,
            "periodEnd" = ${end}::date, "updatedAt" = now()
        WHERE "customerId" = ${customerId} AND EXISTS (SELECT 1 FROM change)`;
      if (switched === 0) {
        const change = await db.subscriptionChange.findUnique({ where: { upgradeId }, select: { id: true } });
        if (!change) throw notFound(`customer ${customerId} has no subscription`);
      }
      return { periodStart: start, periodEnd: end };
    },
  };
}
