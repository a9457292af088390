import { paymentMethodLabel } from '../../contracts/payments';
import { jakartaDateOf, type LocalDate, toJakartaIso, upgradeOptions } from '../../domain';
import type { Database } from '../../platform/database';
import { type AppointmentSummary, appointmentView } from '../../services/appointments';
import {
  activePromo,
  byCatalogOrder,
  dateOnly,
  type PackageWithPromo,
  toPackageSpec,
  toPackageView,
} from '../../services/catalog';
import { ok, operationsOf } from '../operation';
import { notFound } from '../problem';
import { Pagination, pageWindow } from '../schemas';
import { upgradeView } from '../upgrade-view';
import { readPendingUpgrade } from './upgrade-reads';

/** 404 unless the customer exists. */
export async function requireCustomer(db: Database, customerId: string): Promise<void> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw notFound(`customer ${customerId} does not exist`);
}

/** The customer with their subscription (package and promo) and active ONT; 404 unless they exist. */
export async function findCustomer(db: Database, customerId: string) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    include: {
      subscription: { include: { package: { include: { promoFallback: true } } } },
      devices: { where: { status: 'ACTIVE' }, orderBy: { installedAt: 'desc' }, take: 1 },
    },
  });
  if (!customer) throw notFound(`customer ${customerId} does not exist`);
  return customer;
}

/** Package, period and promo of a subscription, as the subscription and home views show them. */
export function subscriptionParts(
  subscription: { package: PackageWithPromo; periodStart: Date; periodEnd: Date },
  today: LocalDate,
) {
  return {
    package: toPackageView(subscription.package, today),
    period: { start: dateOnly(subscription.periodStart), end: dateOnly(subscription.periodEnd) },
    promo: activePromo(subscription.package, today),
  };
}

const operation = operationsOf('Customers');

export const CUSTOMERS = [
  operation({
    operationId: 'getSubscription',
    route: 'GET /v1/customers/{customerId}/subscription',
    summary: 'The active package and the ONT (View Detail Paket Aktif)',
    description: 'Service info (package, speed, term, period, price, status) and device info.',
    access: 'customer-read',
    responses: { 200: ok('the subscription', 'SubscriptionView') },
    handler: async ({ params }, { db }) => {
      const { subscription, devices, ...customer } = await findCustomer(db, params.customerId);
      if (!subscription) throw notFound(`customer ${customer.id} has no subscription`);
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
    },
  }),
  operation({
    operationId: 'listUpgradeOptions',
    route: 'GET /v1/customers/{customerId}/upgrade-options',
    summary: 'Packages the customer may upgrade to (View List Package)',
    description: 'Only faster packages with a term at least as long, by speed then term.',
    access: 'customer-read',
    responses: { 200: ok('the options', 'UpgradeOptions') },
    handler: async ({ params }, { db }) => {
      const { subscription, id } = await findCustomer(db, params.customerId);
      if (!subscription) throw notFound(`customer ${id} has no subscription`);
      const rows = await db.package.findMany({ where: { active: true }, include: { promoFallback: true } });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      const today = jakartaDateOf(new Date());
      const eligible = upgradeOptions(toPackageSpec(subscription.package), rows.map(toPackageSpec));
      const options = eligible
        .sort(byCatalogOrder)
        .map((spec) => toPackageView(byCode.get(spec.code)!, today));
      return { current: toPackageView(subscription.package, today), options };
    },
  }),
  operation({
    operationId: 'listPayments',
    route: 'GET /v1/customers/{customerId}/payments',
    summary: 'Payment history (Riwayat Pembayaran)',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    query: Pagination,
    responses: { 200: ok('one page of payments', 'PaymentPage') },
    handler: async ({ params: { customerId }, query: { page, pageSize } }, { db }) => {
      await requireCustomer(db, customerId);
      const [total, rows] = await Promise.all([
        db.payment.count({ where: { customerId } }),
        db.payment.findMany({
          where: { customerId },
          orderBy: [{ paidAt: 'desc' }, { id: 'desc' }],
          ...pageWindow({ page, pageSize }),
        }),
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
      return { payments, page, pageSize, total };
    },
  }),
  operation({
    operationId: 'getHome',
    route: 'GET /v1/customers/{customerId}/home',
    summary: 'The app’s Home Page',
    description:
      'Package, period, promo, ONT, the upgrade in flight, the technician visit, unread inbox count.',
    access: 'customer-read',
    responses: { 200: ok('the home page', 'HomeView') },
    handler: async ({ params: { customerId } }, deps) => {
      const { db } = deps;
      const { subscription, devices, name } = await findCustomer(db, customerId);
      const pending = await readPendingUpgrade(db, customerId);
      const visit = pending?.maintenanceWorkOrderNo
        ? await db.workOrder.findUnique({ where: { woNumber: pending.maintenanceWorkOrderNo } })
        : null;
      const unreadInbox = await db.notification.count({
        where: { customerId, channel: 'INBOX', readAt: null },
      });
      const device = devices[0];
      return {
        customerId,
        customerName: name,
        ...(subscription
          ? subscriptionParts(subscription, jakartaDateOf(new Date()))
          : { package: null, period: null, promo: null }),
        device: device ? { serial: device.serial, model: device.model, band: device.band } : null,
        pendingUpgrade: pending?.progress ? upgradeView(pending.progress) : null,
        technicianVisit: visit
          ? technicianVisit(visit, pending?.progress?.ontSwap?.appointment ?? null)
          : null,
        unreadInbox,
      };
    },
  }),
];

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
      : 'Teknisi kami akan menghubungi kamu untuk menjadwalkan penggantian perangkat ONT tanpa biaya tambahan.',
    appointment: booked,
  };
}
