/**
 * The bill an upgrade made on a given day would issue, read from the customer's subscription.
 * Shared by the quote endpoint, the upgrade request check and the billing activity, so the
 * confirm screen and the issued bill can never disagree.
 */
import { Refused } from '../contracts/refusals';
import { jakartaDateOf, quoteUpgradeBill, reasonNotEligible, type UpgradeBillQuote } from '../domain';
import type { Database } from '../platform/database';
import type { Customer, Package, Subscription } from '../prisma/generated/client';
import { dateOnly, type PackageWithPromo, toPackageSpec } from './catalog';

/** Why this customer cannot have this upgrade; an activity makes it a non-retryable failure. */
export class UpgradeRefused extends Refused<
  'UNKNOWN_CUSTOMER' | 'NO_ACTIVE_SUBSCRIPTION' | 'UNKNOWN_PACKAGE' | 'NOT_ELIGIBLE'
> {
  override name = 'UpgradeRefused';
  get reason() {
    return this.code;
  }
}

export interface UpgradeContext {
  customer: Customer;
  subscription: Subscription & { package: Package };
  target: PackageWithPromo;
}

/** The customer's side of the context, for a query that reads the customer (joined in one statement). */
export const CUSTOMER_CONTEXT = { subscription: { include: { package: true } } } as const;

type CustomerInContext = Customer & { subscription: (Subscription & { package: Package }) | null };

export async function loadUpgradeContext(
  db: Database,
  customerId: string,
  targetPackageCode: string,
): Promise<UpgradeContext> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, include: CUSTOMER_CONTEXT });
  return upgradeContextOf(db, customerId, customer, targetPackageCode);
}

/** The context around a customer row already read (with CUSTOMER_CONTEXT): the target package is read. */
export async function upgradeContextOf(
  db: Database,
  customerId: string,
  customer: CustomerInContext | null,
  targetPackageCode: string,
): Promise<UpgradeContext> {
  if (!customer) throw new UpgradeRefused('UNKNOWN_CUSTOMER', `customer ${customerId} does not exist`);
  const { subscription, ...customerRow } = customer;
  if (subscription?.status !== 'ACTIVE') {
    throw new UpgradeRefused('NO_ACTIVE_SUBSCRIPTION', `customer ${customerId} has no active subscription`);
  }
  const target = await db.package.findUnique({
    where: { code: targetPackageCode },
    include: { promoFallback: true },
  });
  if (!target?.active) {
    throw new UpgradeRefused('UNKNOWN_PACKAGE', `package ${targetPackageCode} does not exist`);
  }
  return { customer: customerRow, subscription, target };
}

/** Refuses targets the eligibility rules do not allow (SPEC, View List Package). */
export function assertEligible({ subscription, target }: UpgradeContext): void {
  const reason = reasonNotEligible(toPackageSpec(subscription.package), toPackageSpec(target));
  if (reason) {
    throw new UpgradeRefused(
      'NOT_ELIGIBLE',
      `cannot upgrade from ${subscription.package.name} to ${target.name}: ${reason}`,
    );
  }
}

export function quoteFor(context: UpgradeContext, at: Date): UpgradeBillQuote {
  return quoteUpgradeBill({
    current: {
      package: toPackageSpec(context.subscription.package),
      periodStart: dateOnly(context.subscription.periodStart),
    },
    target: toPackageSpec(context.target),
    billingDate: jakartaDateOf(at),
    billCycle: context.customer.billCycle,
  });
}
