/**
 * Customer notices: device push, in-app inbox and (for most) email. Every notice is one
 * `Notification` row per channel, keyed `${upgradeId}:${kind}:${channel}`; a channel whose row is
 * already delivered is skipped, and the transports dedupe on the same key, so an activity retried
 * (or run twice) reaches the customer once. What each notice says lives in one table, NOTICES.
 */
import { ApplicationFailure } from '@temporalio/common';
import { NOTICE_KIND_LIST, NOTICE_KINDS, type NoticeKind, notificationKey } from '../contracts/notifications';
import { billWorkflowId, paymentMethodLabel } from '../contracts/payments';
import { DEFAULT_VISIT_MOVE_LEAD_HOURS } from '../contracts/upgrade';
import { formatLongDate, formatRupiahWithSymbol } from '../domain/format';
import {
  formatVisit,
  VISIT_PENDING_LABELS,
  type VisitPendingCategory,
  type VisitSlot,
} from '../domain/visits';
import { EmailPropsError, type EmailPropsMap, renderEmail } from '../emails/render';
import type { Database } from '../platform/database';
import { whileHeartbeating } from '../platform/heartbeat';
import type { EmailTransport } from '../platform/notifications/email-transport';
import type { PushGateway } from '../platform/notifications/push-gateway';
import { type NotificationChannel, Prisma } from '../prisma/generated/client';
import { dateOnly } from '../services/catalog';
import { invalidState, notFound } from './errors';
import { INSTALLER_VENDOR } from './work-orders';

export interface NotificationDependencies {
  db: Database;
  email: EmailTransport;
  push: PushGateway;
  /** Sender of customer emails, e.g. `Oxygen.id <do-not-reply@oxygen.id>`. */
  emailFrom: string;
  /** The billing statement's address in the bill email (a signed link: no login needed). */
  statementUrl: (bill: { billCode: string; customerId: string; dueDate: Date }) => Promise<string>;
  /** Hours before a visit until which the customer may move it (VISIT_MOVE_LEAD_HOURS). */
  visitMoveLeadHours?: number;
}

interface NoticeInput {
  /** The upgrade it is about; a bill issued elsewhere has none. */
  upgradeId: string | null;
  customerId: string;
  /** Scopes the idempotency key instead of the upgrade (a bill's notices: `bill-<billCode>`). */
  keyScope?: string;
  /** Tells apart notices of one kind that may come more than once (each visit booked, each escalation). */
  occurrence?: string;
}
interface UpgradeNoticeInput extends NoticeInput {
  upgradeId: string;
}
/** A bill's own notices (due-date reminder, receipt): keyed by the bill, whatever its upgrade. */
export interface BillNoticeInput extends NoticeInput {
  billCode: string;
}
export interface NotifyPaymentReceivedInput extends BillNoticeInput {
  transactionId: string;
}
export interface NotifyBillIssuedInput extends UpgradeNoticeInput {
  billCode: string;
}
export interface NotifyOntSwapInput extends UpgradeNoticeInput {
  workOrderNumber: string;
}
export interface NotifyUpgradeCancelledInput extends UpgradeNoticeInput {
  ending: 'FAILED' | 'CANCELLED' | 'TERMINATED';
  /** The bill voided with the upgrade, if one was issued. */
  voidedBillCode: string | null;
}
export interface NotifyVisitInput extends NotifyOntSwapInput {
  date: string;
  slot: string;
}
export interface NotifyVisitBookedInput extends NotifyVisitInput {
  /** The visit was moved (by the customer or the dispatcher), not booked the first time. */
  moved: boolean;
}
export interface NotifyVisitMissedInput extends NotifyVisitInput {
  category: VisitPendingCategory;
  remark: string | null;
}
export interface NotifyOntSwapCompletedInput extends NotifyOntSwapInput {
  newOntSerial: string;
  newOntModel: string;
  /** When the technician swapped the ONT: ISO 8601 instant (or a `YYYY-MM-DD` day). */
  replacedAt: string;
}

export interface NotificationDeliverySummary {
  /** Channels delivered by this run. */
  delivered: NotificationChannel[];
  /** Channels an earlier run had already delivered. */
  skipped: NotificationChannel[];
}

export const billDeepLink = (billCode: string) => `oxygenid://bills/${billCode}`;
export const upgradeDeepLink = (upgradeId: string) => `oxygenid://upgrades/${upgradeId}`;

const CUSTOMER_CARE = '1500780';

type Customer = Awaited<ReturnType<typeof loadCustomer>>;

/** One notice: what it needs beyond the customer, and what it says on each channel. */
interface NoticeSpec<I extends NoticeInput, C, K extends keyof EmailPropsMap> {
  load?: (db: Database, input: I, customer: Customer) => Promise<C>;
  /** Instead of `load`: the customer and the rest in one statement (a join). */
  loadWithCustomer?: (db: Database, input: I) => Promise<{ customer: Customer; context: C }>;
  title: string;
  body: (c: C, input: I) => string;
  deepLink: (input: I, c: C) => string;
  email?: {
    kind: K;
    props: (c: C, input: I, deps: NotificationDependencies) => EmailPropsMap[K] | Promise<EmailPropsMap[K]>;
  };
  /** Keys the notice by something other than its upgrade (a bill's own notices: its run). */
  keyScope?: (input: I) => string;
}

const notice = <I extends NoticeInput, C, K extends keyof EmailPropsMap = never>(spec: NoticeSpec<I, C, K>) =>
  spec;

// biome-ignore lint/suspicious/noExplicitAny: each entry is checked against its own input by notice()
type AnyNoticeSpec = NoticeSpec<any, any, any>;

/** What each notice loads and says, one entry per kind of contracts/notifications.ts (a total map). */
const NOTICES = {
  /** Bill issued: inbox, push, and the email "Informasi Penerbitan Tagihan". */
  BILL_ISSUED: notice({
    loadWithCustomer: async (db, input: NotifyBillIssuedInput) => {
      const found = await db.bill.findUnique({
        where: { billCode: input.billCode },
        include: { customer: { select: CUSTOMER_SELECT } },
      });
      if (found?.customerId !== input.customerId) {
        throw notFound(`bill ${input.billCode} of customer ${input.customerId} does not exist`);
      }
      const { customer, ...bill } = found;
      return { customer, context: { customer, bill } };
    },
    title: 'Tagihan upgrade terbit',
    body: ({ bill }) =>
      `Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} jatuh tempo ${formatLongDate(dateOnly(bill.dueDate))}.`,
    deepLink: (input) => billDeepLink(input.billCode),
    email: {
      kind: 'BILL_ISSUED',
      props: async ({ customer, bill }, _input, deps) => ({
        customerName: customer.name,
        customerId: customer.id,
        billCode: bill.billCode,
        packageName: bill.packageName,
        actualAmount: bill.actualChargeIdr,
        adjustmentAmount: bill.adjustmentIdr,
        totalAmount: bill.totalIdr,
        totalInWords: bill.amountInWords,
        billingDate: dateOnly(bill.billingDate),
        dueDate: dateOnly(bill.dueDate),
        billingPeriodStart: dateOnly(bill.billingMonthStart),
        billingPeriodEnd: dateOnly(bill.billingMonthEnd),
        statementUrl: await deps.statementUrl(bill),
      }),
    },
  }),

  /** The ONT is single band: a technician will swap it at no charge ("Pergantian ONT"). */
  ONT_SWAP_SCHEDULED: notice({
    loadWithCustomer: async (db, input: NotifyOntSwapInput) => {
      const { customer, packageName, devices } = await customerWithPackage(db, input.customerId, true);
      return { customer, context: { customer, packageName, ont: devices[0] ?? null } };
    },
    title: 'Penggantian ONT dijadwalkan',
    body: ({ packageName }, input) =>
      `Paket ${packageName} membutuhkan ONT Dual Band. Teknisi kami akan menghubungi kamu untuk mengganti ONT tanpa biaya (${input.workOrderNumber}).`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
    email: {
      kind: 'ONT_SWAP_SCHEDULED',
      props: ({ customer, packageName, ont }, input) => ({
        customerName: customer.name,
        packageName,
        workOrderNumber: input.workOrderNumber,
        installationAddress: customer.installationAddress,
        currentOntModel: ont?.model,
        currentOntSerial: ont?.serial,
      }),
    },
  }),

  /** The technician swapped the ONT: "Penggantian Perangkat (ONT) Kamu Telah Berhasil". */
  ONT_SWAP_COMPLETED: notice({
    loadWithCustomer: async (db, input: NotifyOntSwapCompletedInput) => {
      const { customer, packageName } = await customerWithPackage(db, input.customerId);
      return { customer, context: { customer, packageName } };
    },
    title: 'Penggantian ONT selesai',
    body: ({ packageName }, input) =>
      `ONT kamu sudah diganti dengan ${input.newOntModel} (Dual Band). Selamat menikmati ${packageName}.`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
    email: {
      kind: 'ONT_SWAP_COMPLETED',
      props: ({ customer, packageName }, input) => ({
        customerName: customer.name,
        packageName,
        newOntModel: input.newOntModel,
        newOntSerial: input.newOntSerial,
        replacedAt: input.replacedAt,
        workOrderNumber: input.workOrderNumber,
      }),
    },
  }),

  /** The upgrade could not be done before the switch: old package kept, bill voided. */
  UPGRADE_CANCELLED: notice({
    load: async (db, input: NotifyUpgradeCancelledInput, customer) => {
      const [request, bill, currentPackageName] = await Promise.all([
        db.upgradeRequest.findUnique({ where: { id: input.upgradeId } }),
        input.voidedBillCode ? db.bill.findUnique({ where: { billCode: input.voidedBillCode } }) : null,
        subscribedPackageName(db, customer.id),
      ]);
      const target = request && (await db.package.findUnique({ where: { code: request.targetPackageCode } }));
      if (!target) throw notFound(`upgrade ${input.upgradeId} does not exist`);
      return {
        customer,
        bill,
        targetPackageName: target.name,
        currentPackageName,
      };
    },
    title: 'Upgrade paket dibatalkan',
    body: ({ bill, targetPackageName, currentPackageName }) =>
      `Upgrade ke ${targetPackageName} tidak dapat diproses; paket kamu tetap ${currentPackageName}.` +
      (bill ? ` Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} dibatalkan.` : ''),
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
    email: {
      kind: 'UPGRADE_CANCELLED',
      props: ({ customer, bill, targetPackageName, currentPackageName }, input) => ({
        customerName: customer.name,
        currentPackageName,
        targetPackageName,
        billCode: bill?.billCode ?? null,
        billTotalIdr: bill?.totalIdr ?? null,
        reason: input.ending,
      }),
    },
  }),

  /** The technician visit was cancelled after the switch: the package stays, the swap is off. */
  ONT_VISIT_CANCELLED: notice({
    load: async (db, _input: NotifyOntSwapInput, customer) => ({
      customer,
      packageName: await subscribedPackageName(db, customer.id),
    }),
    title: 'Kunjungan penggantian ONT dibatalkan',
    body: ({ packageName }, input) =>
      `Kunjungan teknisi untuk penggantian ONT (${input.workOrderNumber}) dibatalkan. Paket ${packageName} tetap aktif; hubungi Customer Care ${CUSTOMER_CARE} untuk menjadwalkan ulang tanpa biaya.`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
    email: {
      kind: 'ONT_VISIT_CANCELLED',
      props: ({ customer, packageName }, input) => ({
        customerName: customer.name,
        packageName,
        workOrderNumber: input.workOrderNumber,
        installationAddress: customer.installationAddress,
      }),
    },
  }),

  /** The vendor's dispatcher booked the technician's visit, or it was moved. */
  VISIT_BOOKED: notice({
    load: async (_db, _input: NotifyVisitBookedInput, customer) => ({ customer }),
    title: 'Jadwal kunjungan teknisi',
    body: (_c, input) =>
      `${input.moved ? 'Jadwal baru: teknisi' : 'Teknisi'} akan datang ${formatVisit(input.date, input.slot as VisitSlot)} untuk mengganti ONT kamu (${input.workOrderNumber}). Kamu dapat mengubah jadwal dari aplikasi Selfcare.`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
    email: {
      kind: 'VISIT_BOOKED',
      props: ({ customer }, input, deps) => ({
        customerName: customer.name,
        workOrderNumber: input.workOrderNumber,
        visitLabel: formatVisit(input.date, input.slot as VisitSlot),
        vendor: INSTALLER_VENDOR,
        address: customer.installationAddress,
        moved: input.moved,
        minLeadHours: deps.visitMoveLeadHours ?? DEFAULT_VISIT_MOVE_LEAD_HOURS,
        appLink: upgradeDeepLink(input.upgradeId),
      }),
    },
  }),

  /** The day before the visit (push + inbox). */
  VISIT_REMINDER: notice({
    load: async (_db, _input: NotifyVisitInput, customer) => ({ customer }),
    title: 'Besok teknisi datang',
    body: (_c, input) =>
      `Pengingat: teknisi datang ${formatVisit(input.date, input.slot as VisitSlot)} untuk mengganti ONT kamu (${input.workOrderNumber}).`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
  }),

  /** The technician could not swap the ONT on the visit; a new one will be booked. */
  VISIT_MISSED: notice({
    load: async (_db, _input: NotifyVisitMissedInput, customer) => ({ customer }),
    title: 'Kunjungan teknisi belum terlaksana',
    body: (_c, input) =>
      `Kunjungan ${formatVisit(input.date, input.slot as VisitSlot)} belum terlaksana (${VISIT_PENDING_LABELS[input.category]}). Kami akan menjadwalkan kunjungan baru dan mengabarimu.`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
    email: {
      kind: 'VISIT_MISSED',
      props: ({ customer }, input) => ({
        customerName: customer.name,
        workOrderNumber: input.workOrderNumber,
        visitLabel: formatVisit(input.date, input.slot as VisitSlot),
        reasonLabel: VISIT_PENDING_LABELS[input.category],
        remark: input.remark,
        appLink: upgradeDeepLink(input.upgradeId),
      }),
    },
  }),

  /** The day before the due date, the bill still unpaid (push, inbox, email). */
  BILL_DUE_REMINDER: notice({
    load: (db, input: BillNoticeInput, customer) => loadBill(db, input, customer),
    keyScope: (input) => billWorkflowId(input.billCode),
    title: 'Tagihan jatuh tempo besok',
    body: ({ bill }) =>
      `Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} jatuh tempo besok, ${formatLongDate(dateOnly(bill.dueDate))}. Bayar lewat Virtual Account, QRIS atau e-wallet di aplikasi.`,
    deepLink: (input) => billDeepLink(input.billCode),
    email: {
      kind: 'BILL_DUE_REMINDER',
      props: async ({ customer, bill }, _input, deps) => ({
        customerName: customer.name,
        customerId: customer.id,
        billCode: bill.billCode,
        packageName: bill.packageName,
        totalIdr: bill.totalIdr,
        totalInWords: bill.amountInWords,
        dueDate: dateOnly(bill.dueDate),
        statementUrl: await deps.statementUrl(bill),
      }),
    },
  }),

  /** The gateway says the bill was paid: the receipt (push, inbox, email). */
  PAYMENT_RECEIVED: notice({
    load: async (db, input: NotifyPaymentReceivedInput, customer) => {
      const { bill } = await loadBill(db, input, customer);
      const payment = await db.payment.findUnique({ where: { reference: input.transactionId } });
      if (payment?.billCode !== bill.billCode)
        throw notFound(`payment ${input.transactionId} does not exist`);
      return { customer, bill, payment };
    },
    keyScope: (input) => billWorkflowId(input.billCode),
    title: 'Pembayaran diterima',
    body: ({ bill, payment }) =>
      `Pembayaran tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(payment.amountIdr)} telah kami terima. Terima kasih!`,
    deepLink: (input) => billDeepLink(input.billCode),
    email: {
      kind: 'PAYMENT_RECEIVED',
      props: async ({ customer, bill, payment }, _input, deps) => ({
        customerName: customer.name,
        customerId: customer.id,
        billCode: bill.billCode,
        packageName: bill.packageName,
        amountIdr: payment.amountIdr,
        methodLabel: paymentMethodLabel(payment.method),
        transactionId: payment.reference,
        paidAt: payment.paidAt.toISOString(),
        statementUrl: await deps.statementUrl(bill),
      }),
    },
  }),

  /** The swap is overdue: the visit is still being scheduled (push + inbox, no email). */
  ONT_SWAP_DELAYED: notice({
    load: async (_db, _input: NotifyOntSwapInput, customer) => ({ customer }),
    title: 'Penggantian ONT masih dijadwalkan',
    body: (_c, input) =>
      `Teknisi kami masih menjadwalkan kunjungan untuk mengganti ONT kamu (${input.workOrderNumber}). Mohon maaf atas keterlambatannya; Customer Care ${CUSTOMER_CARE} siap membantu.`,
    deepLink: (input) => upgradeDeepLink(input.upgradeId),
  }),
} satisfies { [K in NoticeKind]: AnyNoticeSpec };

export type NotificationKind = NoticeKind;

type Notices = typeof NOTICES;
type InputOf<K extends NoticeKind> = Notices[K] extends NoticeSpec<infer I, infer _C, infer _K> ? I : never;

/** One activity per notice, named in contracts/notifications.ts, taking the input its entry reads. */
export type NoticeActivities = {
  [K in NoticeKind as (typeof NOTICE_KINDS)[K]['activity']]: (
    input: InputOf<K>,
  ) => Promise<NotificationDeliverySummary>;
};

export function createNotificationActivities(deps: NotificationDependencies) {
  const { db } = deps;

  /** Sends notice `kind` on each of its channels, each exactly once. */
  async function deliver<I extends NoticeInput, C, K extends keyof EmailPropsMap>(
    kind: NotificationKind,
    spec: NoticeSpec<I, C, K>,
    input: I,
  ): Promise<NotificationDeliverySummary> {
    return whileHeartbeating(() => deliverOnEachChannel(kind, spec, input));
  }

  async function deliverOnEachChannel<I extends NoticeInput, C, K extends keyof EmailPropsMap>(
    kind: NotificationKind,
    spec: NoticeSpec<I, C, K>,
    input: I,
  ): Promise<NotificationDeliverySummary> {
    const { customer, context } = spec.loadWithCustomer
      ? await spec.loadWithCustomer(db, input)
      : await loadCustomer(db, input.customerId).then(async (customer) => ({
          customer,
          context: await spec.load!(db, input, customer),
        }));
    const message = {
      customerId: customer.id,
      title: spec.title,
      body: spec.body(context, input),
      deepLink: spec.deepLink(input, context),
    };
    const summary: NotificationDeliverySummary = { delivered: [], skipped: [] };
    const scope = input.keyScope ?? input.upgradeId;
    if (!scope) throw invalidState(`${kind}: a notice needs an upgrade or a key scope`);
    const email = spec.email;
    const channels: Array<{
      channel: NotificationChannel;
      send?: (idempotencyKey: string) => Promise<{ providerMessageId: string }>;
    }> = [
      { channel: 'INBOX' },
      { channel: 'PUSH', send: (idempotencyKey) => deps.push.send({ idempotencyKey, ...message }) },
      ...(email
        ? [
            {
              channel: 'EMAIL' as const,
              send: async (idempotencyKey: string) =>
                deps.email.send({
                  idempotencyKey,
                  customerId: customer.id,
                  from: deps.emailFrom,
                  to: customer.email,
                  ...(await render(email.kind, await email.props(context, input, deps))),
                }),
            },
          ]
        : []),
    ];
    const keyOf = (channel: NotificationChannel) => notificationKey(scope, kind, channel, input.occurrence);
    // Every channel's row in one INSERT; the inbox row is the inbox delivery, written delivered, the
    // others are delivered once their provider took the message. Rows an earlier attempt wrote are
    // not returned by the INSERT: they are read back (a retry only).
    const attemptAt = new Date();
    const values = channels.map(
      ({ channel, send }) =>
        Prisma.sql`(${keyOf(channel)}, ${customer.id}, ${input.upgradeId}, ${kind}, ${channel}::"NotificationChannel",
          ${message.title}, ${message.body}, ${message.deepLink}, ${attemptAt}, ${send ? null : attemptAt})`,
    );
    const created = await db.$queryRaw<NotificationState[]>`
      INSERT INTO "Notification" ("idempotencyKey", "customerId", "upgradeId", "kind", "channel",
        "title", "body", "deepLink", "createdAt", "deliveredAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING "id", "channel"::text AS "channel", "deliveredAt"`;
    const select = { id: true, channel: true, deliveredAt: true } as const;
    const earlier =
      created.length < channels.length
        ? await db.notification.findMany({
            where: { idempotencyKey: { in: channels.map(({ channel }) => keyOf(channel)) } },
            select,
          })
        : [];
    const delivered: Array<{ id: number; providerId: string | null }> = [];
    try {
      for (const { channel, send } of channels) {
        const writtenNow = created.find((row) => row.channel === channel);
        const row = writtenNow ?? earlier.find((r) => r.channel === channel);
        if (!row) throw invalidState(`${kind}: the ${channel} notification row is missing`);
        if (row.deliveredAt) {
          (writtenNow ? summary.delivered : summary.skipped).push(channel);
          continue;
        }
        try {
          // An inbox row an attempt that died left undelivered is delivered now; it has no provider.
          const providerId = send ? (await send(keyOf(channel))).providerMessageId : null;
          delivered.push({ id: row.id, providerId });
        } catch (error) {
          // A refusal for good (e.g. Resend rejects the address) is kept on the row for operators.
          if (error instanceof ApplicationFailure && error.nonRetryable) {
            await db.notification.update({
              where: { id: row.id },
              data: { failedAt: new Date(), failureReason: `${error.type}: ${error.message}` },
            });
            const { message, type } = error;
            throw ApplicationFailure.create({
              message,
              type: type ?? undefined,
              nonRetryable: true,
              details: [{ channel }],
            });
          }
          throw error;
        }
        summary.delivered.push(channel);
      }
    } finally {
      // What the providers took is marked delivered, in one statement, whatever failed after it.
      await markDelivered(db, delivered);
    }
    return summary;
  }

  const activities: Record<string, (input: NoticeInput) => Promise<NotificationDeliverySummary>> = {};
  for (const kind of NOTICE_KIND_LIST) {
    const spec = NOTICES[kind] as NoticeSpec<NoticeInput, unknown, keyof EmailPropsMap>;
    activities[NOTICE_KINDS[kind].activity] = (input) =>
      deliver(kind, spec, spec.keyScope ? { ...input, keyScope: spec.keyScope(input) } : input);
  }
  return activities as unknown as NoticeActivities;
}

interface NotificationState {
  id: number;
  channel: NotificationChannel;
  deliveredAt: Date | null;
}

async function markDelivered(db: Database, rows: Array<{ id: number; providerId: string | null }>) {
  if (rows.length === 0) return;
  const values = Prisma.join(rows.map(({ id, providerId }) => Prisma.sql`(${id}::int, ${providerId}::text)`));
  await db.$executeRaw`
    UPDATE "Notification" AS n
    SET "deliveredAt" = ${new Date()}, "providerId" = v.provider, "failedAt" = NULL, "failureReason" = NULL
    FROM (VALUES ${values}) AS v(id, provider)
    WHERE n.id = v.id`;
}

/** What every notice needs of the customer; the notices that name the package or the ONT read them. */
const CUSTOMER_SELECT = { id: true, name: true, email: true, installationAddress: true } as const;

async function loadCustomer(db: Database, customerId: string) {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: CUSTOMER_SELECT });
  if (!customer) throw notFound(`customer ${customerId} does not exist`);
  return customer;
}

/** The customer with the name of the package subscribed (and, asked, some devices): one statement. */
async function customerWithPackage(db: Database, customerId: string, withActiveOnt = false) {
  const found = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      ...CUSTOMER_SELECT,
      subscription: { select: { package: { select: { name: true } } } },
      devices: {
        where: { status: 'ACTIVE' },
        orderBy: { installedAt: 'desc' },
        take: withActiveOnt ? 1 : 0,
        select: { serial: true, model: true },
      },
    },
  });
  if (!found) throw notFound(`customer ${customerId} does not exist`);
  const { subscription, devices: rows, ...customer } = found;
  if (!subscription) throw notFound(`customer ${customerId} has no subscription`);
  return { customer, packageName: subscription.package.name, devices: rows };
}

async function subscribedPackageName(db: Database, customerId: string): Promise<string> {
  const subscription = await db.subscription.findUnique({
    where: { customerId },
    select: { package: { select: { name: true } } },
  });
  if (!subscription) throw notFound(`customer ${customerId} has no subscription`);
  return subscription.package.name;
}

/** Props that cannot make a correct email fail for good: retrying renders the same thing. */
async function render<K extends keyof EmailPropsMap>(kind: K, props: EmailPropsMap[K]) {
  try {
    return await renderEmail(kind, props);
  } catch (error) {
    if (error instanceof EmailPropsError)
      throw ApplicationFailure.nonRetryable(error.message, 'EmailPropsInvalid');
    throw error;
  }
}

async function loadBill(db: Database, input: BillNoticeInput, customer: Customer) {
  const bill = await db.bill.findUnique({ where: { billCode: input.billCode } });
  if (bill?.customerId !== customer.id) {
    throw notFound(`bill ${input.billCode} of customer ${input.customerId} does not exist`);
  }
  return { customer, bill };
}
