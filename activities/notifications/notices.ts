/**
 * What each notice says, one entry per kind of contracts/notifications.ts (a total map): what it
 * loads, its Indonesian title and body for the inbox and the push, its deep link, the props of its
 * email (a notice without `email` goes to the inbox and the push only) and its key scope.
 */
import type { NoticeKind } from '../../contracts/notifications';
import { billWorkflowId, paymentMethodLabel } from '../../contracts/payments';
import { DEFAULT_VISIT_MOVE_LEAD_HOURS } from '../../contracts/upgrade';
import { formatLongDate, formatRupiahWithSymbol } from '../../domain/format';
import { formatVisit, VISIT_PENDING_LABELS, type VisitSlot } from '../../domain/visits';
import type { BillEmailProps } from '../../emails/_components/BillPayment';
import type { EmailPropsMap } from '../../emails/render';
import type { Database } from '../../platform/database';
import type { Bill } from '../../prisma/generated/client';
import { dateOnly } from '../../services/catalog';
import { INSTALLER_VENDOR } from '../work-orders';
import type {
  BillNoticeInput,
  NoticeInput,
  NotificationDependencies,
  NotifyOntSwapCompletedInput,
  NotifyOntSwapInput,
  NotifyVisitBookedInput,
  NotifyVisitInput,
  NotifyVisitMissedInput,
} from './inputs';
import {
  type Customer,
  type Loaded,
  loadBill,
  loadCancelledUpgrade,
  loadCustomerOnly,
  loadIssuedBill,
  loadPackage,
  loadPackageAndOnt,
  loadPayment,
  loadSubscribedPackage,
} from './loaders';

/** One notice: what it loads, and what it says on each channel. */
export interface NoticeSpec<I extends NoticeInput, C, K extends keyof EmailPropsMap> {
  load: (db: Database, input: I) => Promise<Loaded<C>>;
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

const billDeepLink = (billCode: string) => `oxygenid://bills/${billCode}`;
const upgradeDeepLink = (upgradeId: string) => `oxygenid://upgrades/${upgradeId}`;

const CUSTOMER_CARE = '1500780';

/** The upgrade withdrawn while the customer waited for the ONT swap: what is undone, in words. */
function withdrawnBody(
  c: { bill: Bill | null; targetPackageName: string; currentPackageName: string },
  withdrawn: { cancelledVisit: string | null; creditIdr: number },
): string {
  const parts = [
    `Upgrade ke ${c.targetPackageName} dibatalkan sebelum ONT kamu diganti; paket kamu kembali ke ${c.currentPackageName} mulai hari ini.`,
  ];
  if (c.bill) {
    parts.push(
      withdrawn.creditIdr > 0
        ? `Tagihan ${c.bill.billCode} dibatalkan; pembayaran ${formatRupiahWithSymbol(withdrawn.creditIdr)} kami kembalikan sebagai kredit.`
        : `Tagihan ${c.bill.billCode} sebesar ${formatRupiahWithSymbol(c.bill.totalIdr)} dibatalkan dan tidak perlu dibayar.`,
    );
  }
  if (withdrawn.cancelledVisit) parts.push(`Kunjungan teknisi (${withdrawn.cancelledVisit}) dibatalkan.`);
  parts.push('Kamu dapat upgrade lagi kapan saja.');
  return parts.join(' ');
}

/** What every bill email opens with, and its statement's signed link. */
async function billEmailProps(
  customer: Customer,
  bill: Bill,
  deps: NotificationDependencies,
): Promise<BillEmailProps> {
  return {
    customerName: customer.name,
    customerId: customer.id,
    billCode: bill.billCode,
    packageName: bill.packageName,
    statementUrl: await deps.statementUrl(bill),
  };
}

type BillEmailKind = 'BILL_ISSUED' | 'BILL_DUE_REMINDER' | 'PAYMENT_RECEIVED';

/** A bill notice's email: what every bill email names (billEmailProps), then its own props. */
function billEmail<C extends { customer: Customer; bill: Bill }, K extends BillEmailKind>(
  kind: K,
  own: (c: C) => Omit<EmailPropsMap[K], keyof BillEmailProps>,
) {
  return {
    kind,
    props: async (c: C, _input: unknown, deps: NotificationDependencies) =>
      ({ ...(await billEmailProps(c.customer, c.bill, deps)), ...own(c) }) as EmailPropsMap[K],
  };
}

/** What every email about the ONT swap names, besides its own props. */
type SwapEmailNames = { customerName: string; workOrderNumber: string };

/** A notice about the ONT swap, declared without what every one has (swapNotice adds it). */
interface SwapNoticeSpec<
  I extends NotifyOntSwapInput,
  C extends { customer: Customer },
  K extends keyof EmailPropsMap,
> extends Pick<NoticeSpec<I, C, K>, 'load' | 'title' | 'body'> {
  email?: {
    kind: K;
    props: (c: C, input: I, deps: NotificationDependencies) => Omit<EmailPropsMap[K], keyof SwapEmailNames>;
  };
}

/** A notice about the ONT swap: it links to its upgrade; its email names the customer and the swap's WO. */
const swapNotice = <
  I extends NotifyOntSwapInput,
  C extends { customer: Customer },
  K extends keyof EmailPropsMap = never,
>({
  email,
  ...spec
}: SwapNoticeSpec<I, C, K>): NoticeSpec<I, C, NoInfer<K>> => ({
  ...spec,
  deepLink: (input) => upgradeDeepLink(input.upgradeId),
  ...(email && {
    email: {
      kind: email.kind,
      props: (c, input, deps) =>
        ({
          customerName: c.customer.name,
          workOrderNumber: input.workOrderNumber,
          ...email.props(c, input, deps),
        }) as EmailPropsMap[K],
    },
  }),
});

export const NOTICES = {
  /** Bill issued: inbox, push, and the email "Informasi Penerbitan Tagihan". */
  BILL_ISSUED: notice({
    load: loadIssuedBill,
    title: 'Tagihan upgrade terbit',
    body: ({ bill }) =>
      `Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} jatuh tempo ${formatLongDate(dateOnly(bill.dueDate))}.`,
    deepLink: (input) => billDeepLink(input.billCode),
    email: billEmail('BILL_ISSUED', ({ bill }) => ({
      actualAmount: bill.actualChargeIdr,
      adjustmentAmount: bill.adjustmentIdr,
      totalAmount: bill.totalIdr,
      totalInWords: bill.amountInWords,
      billingDate: dateOnly(bill.billingDate),
      dueDate: dateOnly(bill.dueDate),
      billingPeriodStart: dateOnly(bill.billingMonthStart),
      billingPeriodEnd: dateOnly(bill.billingMonthEnd),
    })),
  }),

  /** The ONT is single band: a technician will swap it at no charge ("Pergantian ONT"). */
  ONT_SWAP_SCHEDULED: swapNotice({
    load: (db, input: NotifyOntSwapInput) => loadPackageAndOnt(db, input),
    title: 'Penggantian ONT dijadwalkan',
    body: ({ packageName }, input) =>
      `Paket ${packageName} membutuhkan ONT Dual Band. Teknisi kami akan menghubungi kamu untuk mengganti ONT tanpa biaya (${input.workOrderNumber}).`,
    email: {
      kind: 'ONT_SWAP_SCHEDULED',
      props: ({ customer, packageName, ont }) => ({
        packageName,
        installationAddress: customer.installationAddress,
        currentOntModel: ont?.model,
        currentOntSerial: ont?.serial,
      }),
    },
  }),

  /** The technician swapped the ONT: "Penggantian Perangkat (ONT) Kamu Telah Berhasil". */
  ONT_SWAP_COMPLETED: swapNotice({
    load: (db, input: NotifyOntSwapCompletedInput) => loadPackage(db, input),
    title: 'Penggantian ONT selesai',
    body: ({ packageName }, input) =>
      `ONT kamu sudah diganti dengan ${input.newOntModel} (Dual Band). Selamat menikmati ${packageName}.`,
    email: {
      kind: 'ONT_SWAP_COMPLETED',
      props: ({ packageName }, input) => ({
        packageName,
        newOntModel: input.newOntModel,
        newOntSerial: input.newOntSerial,
        replacedAt: input.replacedAt,
      }),
    },
  }),

  /** The upgrade could not be done before the switch: old package kept, bill voided. */
  UPGRADE_CANCELLED: notice({
    load: loadCancelledUpgrade,
    title: 'Upgrade paket dibatalkan',
    body: ({ bill, targetPackageName, currentPackageName }, input) =>
      input.withdrawn
        ? withdrawnBody({ bill, targetPackageName, currentPackageName }, input.withdrawn)
        : `Upgrade ke ${targetPackageName} tidak dapat diproses; paket kamu tetap ${currentPackageName}.` +
          (bill
            ? ` Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} dibatalkan.`
            : ''),
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
        ...(input.withdrawn
          ? {
              withdrawn: {
                workOrderNumber: input.withdrawn.cancelledVisit,
                creditIdr: input.withdrawn.creditIdr,
              },
            }
          : {}),
      }),
    },
  }),

  /** The technician visit was cancelled after the switch: the package stays, the swap is off. */
  ONT_VISIT_CANCELLED: swapNotice({
    load: (db, input: NotifyOntSwapInput) => loadSubscribedPackage(db, input),
    title: 'Kunjungan penggantian ONT dibatalkan',
    body: ({ packageName }, input) =>
      `Kunjungan teknisi untuk penggantian ONT (${input.workOrderNumber}) dibatalkan. Paket ${packageName} tetap aktif; hubungi Customer Care ${CUSTOMER_CARE} untuk menjadwalkan ulang tanpa biaya.`,
    email: {
      kind: 'ONT_VISIT_CANCELLED',
      props: ({ customer, packageName }) => ({
        packageName,
        installationAddress: customer.installationAddress,
      }),
    },
  }),

  /** The vendor's dispatcher booked the technician's visit, or it was moved. */
  VISIT_BOOKED: swapNotice({
    load: (db, input: NotifyVisitBookedInput) => loadCustomerOnly(db, input),
    title: 'Jadwal kunjungan teknisi',
    body: (_c, input) =>
      `${input.moved ? 'Jadwal baru: teknisi' : 'Teknisi'} akan datang ${visitLabel(input)} untuk mengganti ONT kamu (${input.workOrderNumber}). Kamu dapat mengubah jadwal dari aplikasi Selfcare.`,
    email: {
      kind: 'VISIT_BOOKED',
      props: ({ customer }, input, deps) => ({
        visitLabel: visitLabel(input),
        vendor: INSTALLER_VENDOR,
        address: customer.installationAddress,
        moved: input.moved,
        minLeadHours: deps.visitMoveLeadHours ?? DEFAULT_VISIT_MOVE_LEAD_HOURS,
        appLink: upgradeDeepLink(input.upgradeId),
      }),
    },
  }),

  /** The day before the visit (push + inbox). */
  VISIT_REMINDER: swapNotice({
    load: (db, input: NotifyVisitInput) => loadCustomerOnly(db, input),
    title: 'Besok teknisi datang',
    body: (_c, input) =>
      `Pengingat: teknisi datang ${visitLabel(input)} untuk mengganti ONT kamu (${input.workOrderNumber}).`,
  }),

  /** The technician could not swap the ONT on the visit; a new one will be booked. */
  VISIT_MISSED: swapNotice({
    load: (db, input: NotifyVisitMissedInput) => loadCustomerOnly(db, input),
    title: 'Kunjungan teknisi belum terlaksana',
    body: (_c, input) =>
      `Kunjungan ${visitLabel(input)} belum terlaksana (${VISIT_PENDING_LABELS[input.category]}). Kami akan menjadwalkan kunjungan baru dan mengabarimu.`,
    email: {
      kind: 'VISIT_MISSED',
      props: (_c, input) => ({
        visitLabel: visitLabel(input),
        reasonLabel: VISIT_PENDING_LABELS[input.category],
        remark: input.remark,
        appLink: upgradeDeepLink(input.upgradeId),
      }),
    },
  }),

  /** The day before the due date, the bill still unpaid (push, inbox, email). */
  BILL_DUE_REMINDER: notice({
    load: (db, input: BillNoticeInput) => loadBill(db, input),
    keyScope: (input) => billWorkflowId(input.billCode),
    title: 'Tagihan jatuh tempo besok',
    body: ({ bill }) =>
      `Tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(bill.totalIdr)} jatuh tempo besok, ${formatLongDate(dateOnly(bill.dueDate))}. Bayar lewat Virtual Account, QRIS atau e-wallet di aplikasi.`,
    deepLink: (input) => billDeepLink(input.billCode),
    email: billEmail('BILL_DUE_REMINDER', ({ bill }) => ({
      totalIdr: bill.totalIdr,
      totalInWords: bill.amountInWords,
      dueDate: dateOnly(bill.dueDate),
    })),
  }),

  /** The gateway says the bill was paid: the receipt (push, inbox, email). */
  PAYMENT_RECEIVED: notice({
    load: loadPayment,
    keyScope: (input) => billWorkflowId(input.billCode),
    title: 'Pembayaran diterima',
    body: ({ bill, payment }) =>
      `Pembayaran tagihan ${bill.billCode} sebesar ${formatRupiahWithSymbol(payment.amountIdr)} telah kami terima. Terima kasih!`,
    deepLink: (input) => billDeepLink(input.billCode),
    email: billEmail('PAYMENT_RECEIVED', ({ payment }) => ({
      amountIdr: payment.amountIdr,
      methodLabel: paymentMethodLabel(payment.method),
      transactionId: payment.reference,
      paidAt: payment.paidAt.toISOString(),
    })),
  }),

  /** The swap is overdue: the visit is still being scheduled (push + inbox, no email). */
  ONT_SWAP_DELAYED: swapNotice({
    load: (db, input: NotifyOntSwapInput) => loadCustomerOnly(db, input),
    title: 'Penggantian ONT masih dijadwalkan',
    body: (_c, input) =>
      `Teknisi kami masih menjadwalkan kunjungan untuk mengganti ONT kamu (${input.workOrderNumber}). Mohon maaf atas keterlambatannya; Customer Care ${CUSTOMER_CARE} siap membantu.`,
  }),
} satisfies { [K in NoticeKind]: AnyNoticeSpec };

function visitLabel(input: NotifyVisitInput) {
  return formatVisit(input.date, input.slot as VisitSlot);
}

export type InputOf<K extends NoticeKind> =
  (typeof NOTICES)[K] extends NoticeSpec<infer I, infer _C, infer _K> ? I : never;
