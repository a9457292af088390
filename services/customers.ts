/**
 * What the Selfcare app shows of a customer: their subscription (package, period, promo, ONT),
 * the packages they may upgrade to, their bills and payments, and the home page (with the upgrade in flight
 * and the technician's visit). Every read refuses an unknown customer (UNKNOWN_CUSTOMER, 404).
 */
import { paymentMethodLabel } from '../contracts/payments';
import { Refused } from '../contracts/refusals';
import { IN_FLIGHT_STATUSES } from '../contracts/upgrade';
import {
  jakartaDateOf,
  type LocalDate,
  toJakartaIso,
  upgradeOptions,
  VENDOR_CONTACT_WITHIN,
} from '../domain';
import type { Database } from '../platform/database';
import { type AppointmentSummary, appointmentView } from './appointments';
import { toBillView } from './bills';
import {
  activePromo,
  byCatalogOrder,
  dateOnly,
  type PackageWithPromo,
  toPackageSpec,
  toPackageView,
} from './catalog';
import { loadUpgradeViews } from './upgrade-views';

const unknown = (customerId: string) =>
  new Refused('UNKNOWN_CUSTOMER', `customer ${customerId} does not exist`);

/** Refuses an unknown customer. */
export async function requireCustomer(db: Database, customerId: string): Promise<void> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw unknown(customerId);
}

/** The customer with their subscription (package and promo) and active ONT. */
async function findCustomer(db: Database, customerId: string) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    include: {
      subscription: { include: { package: { include: { promoFallback: true } } } },
      devices: { where: { status: 'ACTIVE' }, orderBy: { installedAt: 'desc' }, take: 1 },
    },
  });
  if (!customer) throw unknown(customerId);
  return customer;
}

async function subscribed(db: Database, customerId: string) {
  const customer = await findCustomer(db, customerId);
  if (!customer.subscription)
    throw new Refused('NO_SUBSCRIPTION', `customer ${customerId} has no subscription`);
  return { ...customer, subscription: customer.subscription };
}

/** Package, period and promo of a subscription, as the subscription and home views show them. */
function subscriptionParts(
  subscription: { package: PackageWithPromo; periodStart: Date; periodEnd: Date },
  today: LocalDate,
) {
  return {
    package: toPackageView(subscription.package, today),
    period: { start: dateOnly(subscription.periodStart), end: dateOnly(subscription.periodEnd) },
    promo: activePromo(subscription.package, today),
  };
}

export async function subscriptionView(db: Database, customerId: string) {
  const { subscription, devices, ...customer } = await subscribed(db, customerId);
  const device = devices[0];
  return {
    customerId: customer.id,
    customerName: customer.name,
    ...subscriptionParts(subscription, jakartaDateOf(new Date())),
    status: subscription.status,
    device: device
      ? {
          serial: device.serial,
          model: device.model,
          band: device.band,
          installedAt: toJakartaIso(device.installedAt),
        }
      : null,
  };
}

/** Only faster packages with a term at least as long, by speed then term. */
export async function upgradeOptionsView(db: Database, customerId: string) {
  const { subscription } = await subscribed(db, customerId);
  const rows = await db.package.findMany({ where: { active: true }, include: { promoFallback: true } });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const today = jakartaDateOf(new Date());
  const eligible = upgradeOptions(toPackageSpec(subscription.package), rows.map(toPackageSpec));
  const options = eligible.sort(byCatalogOrder).map((spec) => toPackageView(byCode.get(spec.code)!, today));
  return { current: toPackageView(subscription.package, today), options };
}

export async function billPage(db: Database, customerId: string, window: { skip: number; take: number }) {
  await requireCustomer(db, customerId);
  const [total, bills] = await Promise.all([
    db.bill.count({ where: { customerId } }),
    db.bill.findMany({
      where: { customerId },
      include: { lines: true },
      orderBy: [{ billingDate: 'desc' }, { createdAt: 'desc' }],
      ...window,
    }),
  ]);
  return { bills: bills.map(toBillView), total };
}

export async function paymentPage(db: Database, customerId: string, window: { skip: number; take: number }) {
  await requireCustomer(db, customerId);
  const [total, rows] = await Promise.all([
    db.payment.count({ where: { customerId } }),
    db.payment.findMany({ where: { customerId }, orderBy: [{ paidAt: 'desc' }, { id: 'desc' }], ...window }),
  ]);
  const payments = rows.map((p) => ({
    id: p.id,
    paidAt: toJakartaIso(p.paidAt),
    amountIdr: p.amountIdr,
    method: p.method,
    methodLabel: paymentMethodLabel(p.method),
    reference: p.reference,
    description: p.description,
    billCode: p.billCode,
  }));
  return { payments, total };
}

/** One page of the customer's upgrade requests, newest first. */
export async function customerUpgrades(
  db: Database,
  customerId: string,
  window: { skip: number; take: number },
) {
  await requireCustomer(db, customerId);
  return db.upgradeRequest.findMany({ where: { customerId }, orderBy: { requestedAt: 'desc' }, ...window });
}

/** The customer's upgrade in flight, if any, as the rows tell it. */
async function pendingUpgrade(db: Database, customerId: string) {
  const pending = await db.upgradeRequest.findFirst({
    where: { customerId, status: { in: [...IN_FLIGHT_STATUSES] } },
    orderBy: { requestedAt: 'desc' },
  });
  return pending ? (await loadUpgradeViews(db, [pending]))[0]! : null;
}

/** The home page; the upgrade in flight is the services' record (the API gives it its view). */
export async function homeView(db: Database, customerId: string) {
  const { subscription, devices, name } = await findCustomer(db, customerId);
  const pending = await pendingUpgrade(db, customerId);
  const woNumber = pending?.maintenanceWorkOrderNo;
  const visit = woNumber ? await db.workOrder.findUnique({ where: { woNumber } }) : null;
  const unreadInbox = await db.notification.count({ where: { customerId, channel: 'INBOX', readAt: null } });
  const device = devices[0];
  return {
    customerId,
    customerName: name,
    ...(subscription
      ? subscriptionParts(subscription, jakartaDateOf(new Date()))
      : { package: null, period: null, promo: null }),
    device: device ? { serial: device.serial, model: device.model, band: device.band } : null,
    pending,
    technicianVisit: visit ? technicianVisit(visit, pending?.ontSwap?.appointment ?? null) : null,
    unreadInbox,
  };
}

function technicianVisit(
  visit: {
    woNumber: string;
    status: 'DONE' | 'REPLACING' | 'COMPLETED' | 'CANCELLED';
    vendor: string | null;
    address: string | null;
    createdAt: Date;
  },
  appointment: AppointmentSummary | null,
) {
  const booked = appointment?.status === 'BOOKED' ? appointmentView(appointment) : null;
  return {
    workOrderNumber: visit.woNumber,
    status: visit.status,
    vendor: visit.vendor,
    address: visit.address,
    requestedAt: toJakartaIso(visit.createdAt),
    message: booked
      ? `Teknisi kami akan datang ${booked.label}. Kamu dapat mengubah jadwal dari aplikasi.`
      : `Teknisi kami akan menghubungi kamu ${VENDOR_CONTACT_WITHIN} untuk menjadwalkan penggantian perangkat ONT tanpa biaya tambahan, atau pilih sendiri jadwalnya dari aplikasi.`,
    appointment: booked,
  };
}
