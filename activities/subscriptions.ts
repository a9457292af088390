import { addMonths, jakartaDateOf } from '../domain';
import { createOnce } from '../platform/once';
import { asDate } from '../services/bills';
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
      const start = jakartaDateOf(new Date(input.requestedAt));
      const end = addMonths(start, input.termMonths);
      const period = { periodStart: start, periodEnd: end };
      await createOnce(
        () => db.subscriptionChange.findUnique({ where: { upgradeId: input.upgradeId } }),
        async () => {
          const subscription = await db.subscription.findUnique({ where: { customerId: input.customerId } });
          if (!subscription) throw notFound(`customer ${input.customerId} has no subscription`);
          const [change] = await db.$transaction([
            db.subscriptionChange.create({
              data: {
                customerId: input.customerId,
                upgradeId: input.upgradeId,
                fromPackageCode: subscription.packageCode,
                toPackageCode: input.targetPackageCode,
                periodStart: asDate(start),
                periodEnd: asDate(end),
              },
            }),
            db.subscription.update({
              where: { customerId: input.customerId },
              data: {
                packageCode: input.targetPackageCode,
                periodStart: asDate(start),
                periodEnd: asDate(end),
              },
            }),
          ]);
          return change;
        },
      );
      return period;
    },
  };
}
