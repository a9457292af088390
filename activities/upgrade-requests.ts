import { IN_FLIGHT_STATUSES, type UpgradePlan, type UpgradeWorkflowInput } from '../contracts/upgrade';

export type { UpgradePlan };

import { jakartaDateOf } from '../domain';
import { updateIfMatches } from '../platform/database';
import { activePromo, dateOnly } from '../services/catalog';
import {
  assertEligible,
  CUSTOMER_CONTEXT,
  quoteFor,
  type UpgradeContext,
  upgradeContextOf,
} from '../services/upgrade-quote';
import type { ActivityDependencies } from './dependencies';
import { invalidState, refusalsAreFinal } from './errors';

/** The customer's active ONT, newest first: what the plan says about the swap. */
const ACTIVE_ONT = { where: { status: 'ACTIVE' }, orderBy: { installedAt: 'desc' }, take: 1 } as const;

/**
 * The bill the bill step will issue, stored with the plan. A quote the rules refuse is not stored:
 * the bill step then reads the context and refuses as it always did (the run ends the same way).
 */
function quoteOrNull(context: UpgradeContext, at: Date) {
  try {
    return quoteFor(context, at);
  } catch {
    return null;
  }
}

export function createUpgradeRequestActivities(deps: ActivityDependencies) {
  const { db } = deps;
  return {
    /**
     * Records the customer's request and fixes the plan. Refused (non-retryable) when the customer
     * or package is unknown or the target is not an allowed upgrade. A retry after the package
     * switch finds the request already recorded and returns the plan it made then.
     */
    async acceptUpgradeRequest(input: UpgradeWorkflowInput): Promise<UpgradePlan> {
      // The request with the customer's context and active ONT in one statement (joins).
      const existing = await db.upgradeRequest.findUnique({
        where: { id: input.upgradeId },
        include: { customer: { include: { ...CUSTOMER_CONTEXT, devices: ACTIVE_ONT } } },
      });
      if (existing?.plan) return existing.plan as unknown as UpgradePlan;
      return refusalsAreFinal(async () => {
        const customer =
          existing?.customer ??
          (await db.customer.findUnique({
            where: { id: input.customerId },
            include: { ...CUSTOMER_CONTEXT, devices: ACTIVE_ONT },
          }));
        const context = await upgradeContextOf(db, input.customerId, customer, input.targetPackageCode);
        assertEligible(context);
        const ont = customer?.devices[0];
        const { subscription, target } = context;
        const promo = activePromo(target, jakartaDateOf(new Date(input.requestedAt)));
        const plan: UpgradePlan = {
          customerName: context.customer.name,
          from: {
            code: subscription.package.code,
            name: subscription.package.name,
            priceIdr: subscription.package.priceIdr,
          },
          target: {
            code: target.code,
            name: target.name,
            priceIdr: target.priceIdr,
            termMonths: target.termMonths,
            requiresDualBand: target.requiresDualBand,
          },
          promoLabel: promo?.label ?? null,
          ont: ont ? { serial: ont.serial, model: ont.model, band: ont.band } : null,
          needsOntSwap: target.requiresDualBand && ont?.band !== 'DUAL',
          currentPeriodStart: dateOnly(subscription.periodStart),
        };
        const billQuote = quoteOrNull(context, new Date(input.requestedAt));
        const accepted = {
          fromPackageCode: plan.from.code,
          plan: plan as never,
          ...(billQuote ? { billQuote: billQuote as never } : {}),
          acceptedAt: new Date(),
        };
        if (!existing) {
          await db.upgradeRequest.create({
            data: {
              id: input.upgradeId,
              customerId: input.customerId,
              idempotencyKey: input.idempotencyKey,
              targetPackageCode: input.targetPackageCode,
              requestedAt: new Date(input.requestedAt),
              ...accepted,
            },
          });
          return plan;
        }
        // Only while still in flight: the reconciler may have settled an admission whose run was
        // late to start (it counts as never started after a minute); that run must not go on.
        const stillInFlight = await updateIfMatches(() =>
          db.upgradeRequest.update({
            where: { id: input.upgradeId, status: { in: [...IN_FLIGHT_STATUSES] } },
            data: accepted,
            select: { id: true },
          }),
        );
        if (!stillInFlight) {
          throw invalidState(
            `upgrade ${input.upgradeId} was settled (${existing.status}) before its run started`,
          );
        }
        return plan;
      });
    },

    /** The upgrade is done: the customer is on the new package (and, if needed, the new ONT). */
    async completeUpgrade(input: { upgradeId: string; completedAt: string }): Promise<void> {
      await updateIfMatches(() =>
        db.upgradeRequest.update({
          where: { id: input.upgradeId, status: { in: [...IN_FLIGHT_STATUSES] } },
          data: { status: 'COMPLETED', completedAt: new Date(input.completedAt) },
          select: { id: true },
        }),
      );
    },
  };
}
