/**
 * The customer-service console's reads: finding a customer by whatever the caller gives (customer
 * ID, name, phone, bill code, ticket or WO number), the customer's profile (package and its
 * history, devices), work orders and notices per channel.
 */
import { Refused } from '../contracts/refusals';
import { jakartaDateOf, toJakartaIso } from '../domain';
import type { Database } from '../platform/database';
import type { Prisma } from '../prisma/generated/client';
import { dateOnly, toPackageView } from './catalog';
import { WORK_ORDER_INCLUDE, workOrderViews } from './crm-views';

export const SEARCH_MATCHES = [
  'CUSTOMER_ID',
  'NAME',
  'PHONE',
  'BILL_CODE',
  'TICKET_NO',
  'WO_NUMBER',
] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/**
 * The national part of a phone number (`0857…`, `+62857…`, `62857…` → `857…`), which every stored
 * spelling contains; null unless the query is a phone number of at least 4 digits.
 */
export function phoneDigits(query: string): string | null {
  if (!/^[+\d\s().-]+$/.test(query)) return null;
  const national = query.replace(/\D/g, '').replace(/^(62|0)/, '');
  return national.length >= 4 ? national : null;
}

/** The letters and digits of a query: what it says, whatever punctuation or wildcards surround them. */
export const meaningfulCharacters = (query: string) => query.replace(/[^\p{L}\p{N}]/gu, '').length;

/**
 * Refused unless the query has at least 3 letters or digits: every exact identifier (customer ID,
 * bill code, ticket or WO number, a phone of at least 4 digits) has more, so a short query can
 * only be a broad name fragment that lists customers wholesale.
 */
export function assertSearchable(query: string): void {
  if (meaningfulCharacters(query) < 3)
    throw new Refused(
      'SEARCH_TOO_SHORT',
      'a search needs at least 3 letters or digits, or an exact identifier',
    );
}

/** `%`, `_` and `\` as themselves in a LIKE pattern (Prisma's `contains` passes them through as wildcards). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What each kind of identifier in the query may match, as Prisma conditions. */
export function searchConditions(query: string): Prisma.CustomerWhereInput[] {
  const q = query.trim();
  const conditions: Prisma.CustomerWhereInput[] = [
    { name: { contains: escapeLike(q), mode: 'insensitive' } },
  ];
  if (/^\d{8}$/.test(q)) conditions.push({ id: q });
  if (/^\d{12}$/.test(q)) conditions.push({ bills: { some: { billCode: q } } });
  if (/^\d{7}$/.test(q)) conditions.push({ tickets: { some: { ticketNo: q } } });
  if (/^wo-\d{8}-\d{7}$/i.test(q)) conditions.push({ workOrders: { some: { woNumber: q.toUpperCase() } } });
  const phone = phoneDigits(q);
  if (phone) conditions.push({ phone: { contains: phone } });
  return conditions;
}

export async function searchCustomers(db: Database, query: string, page: { skip: number; take: number }) {
  assertSearchable(query);
  const where = { OR: searchConditions(query) };
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      include: {
        subscription: { select: { package: { select: { name: true } } } },
        bills: { where: { billCode: query.trim() }, select: { billCode: true } },
        tickets: { where: { ticketNo: query.trim() }, select: { ticketNo: true } },
        workOrders: { where: { woNumber: query.trim().toUpperCase() }, select: { woNumber: true } },
      },
      ...page,
    }),
    db.customer.count({ where }),
  ]);
  const q = query.trim();
  const phone = phoneDigits(q);
  return {
    total,
    customers: rows.map((c) => ({
      customerId: c.id,
      name: c.name,
      customerType: c.customerType,
      phone: c.phone,
      email: c.email,
      address: c.installationAddress,
      packageName: c.subscription?.package.name ?? null,
      matchedBy: [
        c.id === q && 'CUSTOMER_ID',
        c.name.toLowerCase().includes(q.toLowerCase()) && 'NAME',
        phone !== null && c.phone.includes(phone) && 'PHONE',
        c.bills.length > 0 && 'BILL_CODE',
        c.tickets.length > 0 && 'TICKET_NO',
        c.workOrders.length > 0 && 'WO_NUMBER',
      ].filter((m): m is SearchMatch => m !== false),
    })),
  };
}

/** The Temporal Web UI's page of a run, when the UI's address is known. */
export function temporalRunUrl(ui: { url?: string; namespace: string }, workflowId: string): string | null {
  if (!ui.url) return null;
  return `${ui.url.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/**
 * The customer's profile: who, the package and its history, the devices, and where the Temporal
 * Web UI (`ui`) lists their runs. An unknown customer is refused.
 */
export async function customerProfile(
  db: Database,
  customerId: string,
  ui: { url?: string; namespace: string },
) {
  const now = new Date();
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    include: {
      subscription: { include: { package: { include: { promoFallback: true } } } },
      subscriptionChanges: { orderBy: [{ changedAt: 'desc' }, { id: 'desc' }] },
      devices: { orderBy: [{ installedAt: 'desc' }, { serial: 'asc' }] },
    },
  });
  if (!customer) throw new Refused('UNKNOWN_CUSTOMER', `customer ${customerId} does not exist`);
  const codes = [
    ...new Set(customer.subscriptionChanges.flatMap((c) => [c.fromPackageCode, c.toPackageCode])),
  ];
  const names = new Map(
    (await db.package.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map(
      (p) => [p.code, p.name],
    ),
  );
  const { subscription } = customer;
  return {
    customerId: customer.id,
    name: customer.name,
    customerType: customer.customerType,
    email: customer.email,
    phone: customer.phone,
    address: customer.installationAddress,
    homepassCode: customer.homepassCode,
    homepassId: customer.homepassId,
    fatCode: customer.fatCode,
    fatPort: customer.fatPort,
    billCycle: customer.billCycle,
    subscription: subscription && {
      package: toPackageView(subscription.package, jakartaDateOf(now)),
      period: { start: dateOnly(subscription.periodStart), end: dateOnly(subscription.periodEnd) },
      status: subscription.status,
    },
    packageHistory: customer.subscriptionChanges.map((c) => ({
      changedAt: toJakartaIso(c.changedAt),
      fromPackageCode: c.fromPackageCode,
      fromPackageName: names.get(c.fromPackageCode) ?? c.fromPackageCode,
      toPackageCode: c.toPackageCode,
      toPackageName: names.get(c.toPackageCode) ?? c.toPackageCode,
      period: { start: dateOnly(c.periodStart), end: dateOnly(c.periodEnd) },
      upgradeId: c.upgradeId,
    })),
    devices: customer.devices.map((d) => ({
      serial: d.serial,
      model: d.model,
      band: d.band,
      status: d.status,
      installedAt: toJakartaIso(d.installedAt),
      replacedAt: d.replacedAt ? toJakartaIso(d.replacedAt) : null,
      replacedBySerial: d.replacedBySerial,
      upgradeId: d.upgradeId,
    })),
    temporalRunsUrl: temporalRunUrl(ui, ''),
  };
}

/** Both kinds of work order of the customer, newest first, with their visits. */
export async function customerWorkOrders(db: Database, customerId: string) {
  const rows = await db.workOrder.findMany({
    where: { customerId },
    include: WORK_ORDER_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { woNumber: 'desc' }],
  });
  return workOrderViews(db, rows);
}

type NotificationRow = Awaited<ReturnType<Database['notification']['findMany']>>[number];

/** DELIVERED; FAILED: the provider refused it for good (with why); PENDING: not delivered yet. */
export function noticeView(n: NotificationRow) {
  const status = n.deliveredAt ? 'DELIVERED' : n.failedAt ? 'FAILED' : 'PENDING';
  return {
    id: n.id,
    kind: n.kind,
    channel: n.channel,
    title: n.title,
    body: n.body,
    upgradeId: n.upgradeId,
    status: status as 'DELIVERED' | 'FAILED' | 'PENDING',
    createdAt: toJakartaIso(n.createdAt),
    deliveredAt: n.deliveredAt ? toJakartaIso(n.deliveredAt) : null,
    failedAt: n.failedAt ? toJakartaIso(n.failedAt) : null,
    failureReason: n.failureReason,
  };
}

/** Every notice of the customer on every channel, newest first. */
export async function customerNotices(
  db: Database,
  customerId: string,
  page: { skip: number; take: number },
) {
  const where = { customerId };
  const [rows, total] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...page }),
    db.notification.count({ where }),
  ]);
  return { notices: rows.map(noticeView), total };
}
