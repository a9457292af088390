import type { UpgradeProgress, UpgradeStatus, UpgradeWorkflowInput } from '../contracts/upgrade';
import { jakartaDateOf } from '../domain';
import { activePromo, dateOnly } from '../services/catalog';
import { assertEligible, loadUpgradeContext } from '../services/upgrade-quote';
import type { ActivityDependencies } from '.';
import { refusalsAreFinal } from './errors';

/** What the workflow needs to know about the upgrade, fixed when the request is accepted. */
export interface UpgradePlan {
  customerName: string;
  from: { code: string; name: string; priceIdr: number };
  target: { code: string; name: string; priceIdr: number; termMonths: number; requiresDualBand: boolean };
  promoLabel: string | null;
  ont: { serial: string; model: string; band: 'SINGLE' | 'DUAL' } | null;
  needsOntSwap: boolean;
  currentPeriodStart: string;
}

export interface UpgradeRecordUpdate {
  upgradeId: string;
  status?: UpgradeStatus;
  billCode?: string;
  upgradeTicketNo?: string;
  upgradeWorkOrderNo?: string;
  changeOntTicketNo?: string;
  maintenanceWorkOrderNo?: string;
  failureReason?: string;
  completedAt?: string;
  escalatedAt?: string;
  progress?: UpgradeProgress;
}

export function createUpgradeRequestActivities({ db }: ActivityDependencies) {
  return {
    /**
     * Records the customer's request and fixes the plan. Refused (non-retryable) when the customer
     * or package is unknown or the target is not an allowed upgrade. A retry after the package
     * switch finds the request already recorded and returns the plan it made then.
     */
    async acceptUpgradeRequest(input: UpgradeWorkflowInput): Promise<UpgradePlan> {
      const existing = await db.upgradeRequest.findUnique({ where: { id: input.upgradeId } });
      if (existing?.plan) return existing.plan as unknown as UpgradePlan;
      return refusalsAreFinal(async () => {
        const context = await loadUpgradeContext(db, input.customerId, input.targetPackageCode);
        assertEligible(context);
        const ont = await db.ontDevice.findFirst({
          where: { customerId: input.customerId, status: 'ACTIVE' },
          orderBy: { installedAt: 'desc' },
        });
        const { subscription, target, customer } = context;
        const promo = activePromo(target, jakartaDateOf(new Date(input.requestedAt)));
        const plan: UpgradePlan = {
          customerName: customer.name,
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
        await db.upgradeRequest.upsert({
          where: { id: input.upgradeId },
          create: {
            id: input.upgradeId,
            customerId: input.customerId,
            idempotencyKey: input.idempotencyKey,
            fromPackageCode: plan.from.code,
            targetPackageCode: input.targetPackageCode,
            requestedAt: new Date(input.requestedAt),
            plan: plan as never,
          },
          update: { fromPackageCode: plan.from.code, plan: plan as never },
        });
        return plan;
      });
    },

    /** Mirrors the run's state into PostgreSQL, for lists and for reads after the run closed. */
    async recordUpgradeProgress(update: UpgradeRecordUpdate): Promise<void> {
      const { upgradeId, completedAt, escalatedAt, progress, ...fields } = update;
      await db.upgradeRequest.update({
        where: { id: upgradeId },
        data: {
          ...fields,
          ...(completedAt ? { completedAt: new Date(completedAt) } : {}),
          ...(escalatedAt ? { escalatedAt: new Date(escalatedAt) } : {}),
          ...(progress ? { progress: progress as never } : {}),
        },
      });
    },

    /** Keeps the failure visible to operators even when the request was never recorded. */
    async recordUpgradeFailure(
      input: UpgradeWorkflowInput & { reason: string; progress: UpgradeProgress },
    ): Promise<void> {
      const customer = await db.customer.findUnique({
        where: { id: input.customerId },
        select: { id: true },
      });
      // A customer deleted meanwhile leaves no row to hang the record on; Temporal keeps it.
      if (!customer) return;
      await db.upgradeRequest.upsert({
        where: { id: input.upgradeId },
        create: {
          id: input.upgradeId,
          customerId: input.customerId,
          idempotencyKey: input.idempotencyKey,
          targetPackageCode: input.targetPackageCode,
          requestedAt: new Date(input.requestedAt),
          status: 'FAILED',
          failureReason: input.reason,
          progress: input.progress as never,
        },
        update: { status: 'FAILED', failureReason: input.reason, progress: input.progress as never },
      });
    },
  };
}
