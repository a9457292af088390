/**
 * Customer notifications for the upgrade workflow: device push, in-app inbox and email. Every notice is
 * one `Notification` row per channel, keyed `${upgradeId}:${kind}:${channel}`; a channel whose row is
 * already delivered is skipped, and the transports dedupe on the same key, so an activity retried
 * (or run twice) reaches the customer once.
 */
import { ApplicationFailure } from '@temporalio/common';
import { formatLongDate, formatRupiahWithSymbol } from '../domain/format';
import { EmailPropsError, type EmailPropsMap, renderEmail } from '../emails/render';
import type { Database } from '../platform/database';
import type { EmailTransport } from '../platform/notifications/email-transport';
import { upsertOnce } from '../platform/notifications/once';
import type { PushGateway } from '../platform/notifications/push-gateway';
import type { NotificationChannel } from '../prisma/generated/client';

export interface NotificationDependencies {
  db: Database;
  email: EmailTransport;
  push: PushGateway;
  /** Sender of customer emails, e.g. `Oxygen.id <do-not-reply@oxygen.id>`. */
  emailFrom: string;
  /** The billing statement's address in the bill email (a signed link: no login needed). */
  statementUrl: (billCode: string, customerId: string) => string;
}

export type NotificationKind =
  | 'BILL_ISSUED'
  | 'ONT_SWAP_SCHEDULED'
  | 'ONT_SWAP_COMPLETED'
  | 'ONT_SWAP_DELAYED';

export interface NotifyBillIssuedInput {
  upgradeId: string;
  customerId: string;
  billCode: string;
}

export interface NotifyOntSwapScheduledInput {
  upgradeId: string;
  customerId: string;
  workOrderNumber: string;
}

export interface NotifyOntSwapCompletedInput {
  upgradeId: string;
  customerId: string;
  workOrderNumber: string;
  newOntSerial: string;
  newOntModel: string;
  /** When the technician swapped the ONT: ISO 8601 instant (or a `YYYY-MM-DD` day). */
  replacedAt: string;
}

export interface NotifyOntSwapDelayedInput {
  upgradeId: string;
  customerId: string;
  workOrderNumber: string;
}

export interface NotificationDeliverySummary {
  /** Channels delivered by this run. */
  delivered: NotificationChannel[];
  /** Channels an earlier run had already delivered. */
  skipped: NotificationChannel[];
}

/** The idempotency key of one notice on one channel (also the transports' key). */
export function notificationKey(
  upgradeId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
): string {
  return `${upgradeId}:${kind}:${channel}`;
}

export const billDeepLink = (billCode: string) => `oxygenid://bills/${billCode}`;
export const upgradeDeepLink = (upgradeId: string) => `oxygenid://upgrades/${upgradeId}`;

const CUSTOMER_CARE = '1500780';

/** `@db.Date` columns come back as UTC midnight; the day is the date part. */
const day = (date: Date) => date.toISOString().slice(0, 10);

interface Notice {
  upgradeId: string;
  customerId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  deepLink: string;
}

export function createNotificationActivities(deps: NotificationDependencies) {
  const { db } = deps;

  async function loadCustomer(customerId: string) {
    const customer = await db.customer.findUnique({
      where: { id: customerId },
      select: {
        id: true,
        name: true,
        email: true,
        installationAddress: true,
        subscription: { select: { package: { select: { name: true } } } },
        devices: {
          where: { status: 'ACTIVE' },
          orderBy: { installedAt: 'desc' },
          take: 1,
          select: { serial: true, model: true },
        },
      },
    });
    if (!customer) throw ApplicationFailure.nonRetryable(`customer ${customerId} does not exist`, 'NotFound');
    return customer;
  }

  function subscribedPackageName(customer: Awaited<ReturnType<typeof loadCustomer>>): string {
    const name = customer.subscription?.package.name;
    if (!name) {
      throw ApplicationFailure.nonRetryable(`customer ${customer.id} has no subscription`, 'NotFound');
    }
    return name;
  }

  /**
   * One channel, exactly once: find-or-create the row by its key; skip it when already delivered, else
   * send (same key to the transport, which dedupes too) and mark it delivered.
   */
  async function deliverOnce(
    notice: Notice,
    channel: NotificationChannel,
    send?: (idempotencyKey: string) => Promise<{ providerMessageId: string }>,
  ): Promise<boolean> {
    const idempotencyKey = notificationKey(notice.upgradeId, notice.kind, channel);
    const row = await upsertOnce(
      () =>
        db.notification.upsert({
          where: { idempotencyKey },
          create: {
            idempotencyKey,
            customerId: notice.customerId,
            upgradeId: notice.upgradeId,
            kind: notice.kind,
            channel,
            title: notice.title,
            body: notice.body,
            deepLink: notice.deepLink,
          },
          update: {},
          select: { id: true, deliveredAt: true },
        }),
      () =>
        db.notification.findUniqueOrThrow({
          where: { idempotencyKey },
          select: { id: true, deliveredAt: true },
        }),
    );
    if (row.deliveredAt) return false;
    const providerId = send ? (await send(idempotencyKey)).providerMessageId : null;
    await db.notification.update({ where: { id: row.id }, data: { deliveredAt: new Date(), providerId } });
    return true;
  }

  async function deliver<K extends keyof EmailPropsMap>(
    notice: Notice,
    email?: { to: string; kind: K; props: () => EmailPropsMap[K] },
  ): Promise<NotificationDeliverySummary> {
    const summary: NotificationDeliverySummary = { delivered: [], skipped: [] };
    const record = (channel: NotificationChannel, delivered: boolean) =>
      (delivered ? summary.delivered : summary.skipped).push(channel);

    record('INBOX', await deliverOnce(notice, 'INBOX'));
    record(
      'PUSH',
      await deliverOnce(notice, 'PUSH', (idempotencyKey) =>
        deps.push.send({
          idempotencyKey,
          customerId: notice.customerId,
          title: notice.title,
          body: notice.body,
          deepLink: notice.deepLink,
        }),
      ),
    );
    if (email) {
      record(
        'EMAIL',
        await deliverOnce(notice, 'EMAIL', async (idempotencyKey) => {
          const rendered = await render(email.kind, email.props());
          return deps.email.send({
            idempotencyKey,
            customerId: notice.customerId,
            from: deps.emailFrom,
            to: email.to,
            ...rendered,
          });
        }),
      );
    }
    return summary;
  }

  return {
    /** Bill issued: inbox, push, and the email "Informasi Penerbitan Tagihan". */
    async notifyBillIssued(input: NotifyBillIssuedInput): Promise<NotificationDeliverySummary> {
      const customer = await loadCustomer(input.customerId);
      const bill = await db.bill.findUnique({ where: { billCode: input.billCode } });
      if (!bill || bill.customerId !== customer.id) {
        throw ApplicationFailure.nonRetryable(
          `bill ${input.billCode} of customer ${input.customerId} does not exist`,
          'NotFound',
        );
      }
      const dueDate = day(bill.dueDate);
      return deliver(
        {
          upgradeId: input.upgradeId,
          customerId: customer.id,
          kind: 'BILL_ISSUED',
          title: 'Tagihan upgrade terbit',
          body: `Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} jatuh tempo ${formatLongDate(dueDate)}.`,
          deepLink: billDeepLink(bill.billCode),
        },
        {
          to: customer.email,
          kind: 'BILL_ISSUED',
          props: () => ({
            customerName: customer.name,
            customerId: customer.id,
            billCode: bill.billCode,
            packageName: bill.packageName,
            actualAmount: bill.actualChargeIdr,
            adjustmentAmount: bill.adjustmentIdr,
            totalAmount: bill.totalIdr,
            totalInWords: bill.amountInWords,
            billingDate: day(bill.billingDate),
            dueDate,
            billingPeriodStart: day(bill.billingMonthStart),
            billingPeriodEnd: day(bill.billingMonthEnd),
            statementUrl: deps.statementUrl(bill.billCode, bill.customerId),
          }),
        },
      );
    },

    /** The ONT is single band: a technician will swap it at no charge ("Pergantian ONT"). */
    async notifyOntSwapScheduled(input: NotifyOntSwapScheduledInput): Promise<NotificationDeliverySummary> {
      const customer = await loadCustomer(input.customerId);
      const packageName = subscribedPackageName(customer);
      const currentOnt = customer.devices[0];
      return deliver(
        {
          upgradeId: input.upgradeId,
          customerId: customer.id,
          kind: 'ONT_SWAP_SCHEDULED',
          title: 'Penggantian ONT dijadwalkan',
          body: `Paket ${packageName} membutuhkan ONT Dual Band. Teknisi kami akan menghubungi kamu untuk mengganti ONT tanpa biaya (${input.workOrderNumber}).`,
          deepLink: upgradeDeepLink(input.upgradeId),
        },
        {
          to: customer.email,
          kind: 'ONT_SWAP_SCHEDULED',
          props: () => ({
            customerName: customer.name,
            packageName,
            workOrderNumber: input.workOrderNumber,
            installationAddress: customer.installationAddress,
            currentOntModel: currentOnt?.model,
            currentOntSerial: currentOnt?.serial,
          }),
        },
      );
    },

    /** The technician swapped the ONT: "Penggantian Perangkat (ONT) Kamu Telah Berhasil". */
    async notifyOntSwapCompleted(input: NotifyOntSwapCompletedInput): Promise<NotificationDeliverySummary> {
      const customer = await loadCustomer(input.customerId);
      const packageName = subscribedPackageName(customer);
      return deliver(
        {
          upgradeId: input.upgradeId,
          customerId: customer.id,
          kind: 'ONT_SWAP_COMPLETED',
          title: 'Penggantian ONT selesai',
          body: `ONT kamu sudah diganti dengan ${input.newOntModel} (Dual Band). Selamat menikmati ${packageName}.`,
          deepLink: upgradeDeepLink(input.upgradeId),
        },
        {
          to: customer.email,
          kind: 'ONT_SWAP_COMPLETED',
          props: () => ({
            customerName: customer.name,
            packageName,
            newOntModel: input.newOntModel,
            newOntSerial: input.newOntSerial,
            replacedAt: input.replacedAt,
            workOrderNumber: input.workOrderNumber,
          }),
        },
      );
    },

    /** The swap is overdue: a reminder that the visit is still being scheduled (push + inbox, no email). */
    async notifyOntSwapDelayed(input: NotifyOntSwapDelayedInput): Promise<NotificationDeliverySummary> {
      const customer = await loadCustomer(input.customerId);
      return deliver({
        upgradeId: input.upgradeId,
        customerId: customer.id,
        kind: 'ONT_SWAP_DELAYED',
        title: 'Penggantian ONT masih dijadwalkan',
        body: `Teknisi kami masih menjadwalkan kunjungan untuk mengganti ONT kamu (${input.workOrderNumber}). Mohon maaf atas keterlambatannya; Customer Care ${CUSTOMER_CARE} siap membantu.`,
        deepLink: upgradeDeepLink(input.upgradeId),
      });
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;

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
