/**
 * Every step of an upgrade, declared once: its name, what the customer reads (Bahasa Indonesia),
 * what the Temporal Web UI shows for the call that takes it, and where the progress screen shows
 * it. The workflow records the steps by these names (workflows/upgrade.ts) and takes its activity
 * summaries from here (workflows/activities.ts), the API's view reads them from the rows in this
 * order (services/upgrade-views.ts), and the web app shows these labels on this path
 * (web/src/lib/steps.ts). Plain data, no import: the workflow bundle and the web app take it as
 * it is. The statuses an upgrade stands in are declared below, with their labels.
 */

/**
 * Where the progress screen lists a step before it happened: on the path every upgrade takes
 * (`package`), on an ONT swap's (`swap`), last (`end`), or only once it happened (`null`).
 */
export type StepPath = 'package' | 'swap' | 'end' | null;

export interface StepDeclaration {
  /** The progress screen's line (Bahasa Indonesia). */
  label: string;
  path: StepPath;
  /** The step ends the upgrade: nothing is still to come after it. */
  ends?: true;
  /** The Temporal Web UI's summary of the database step (local activity) that takes this step. */
  summary?: string;
  /** Or: the notice whose delivery is this step (its summary is the notice's, contracts/notifications.ts). */
  notice?: string;
}

/** In the deck's order: the view lists the steps that happened in this order. */
export const STEPS = {
  REQUEST_ACCEPTED: {
    label: 'Permintaan upgrade diterima',
    path: 'package',
    summary: 'Accept the request, fix the plan',
  },
  BILL_ISSUED: { label: 'Tagihan diterbitkan', path: 'package', summary: 'Issue the prorated bill' },
  UPGRADE_TICKET_CLOSED: {
    label: 'Tiket upgrade dibuat dan ditutup',
    path: 'package',
    summary: 'TT Upgrade (auto-closed)',
  },
  UPGRADE_WORK_ORDER_CREATED: { label: 'Work order upgrade dibuat', path: 'package', summary: 'WO Upgrade' },
  PACKAGE_SWITCHED: { label: 'Paket baru aktif', path: 'package', summary: 'Switch the package' },
  CUSTOMER_NOTIFIED: { label: 'Notifikasi tagihan dikirim', path: 'package', notice: 'BILL_ISSUED' },
  ONT_SWAP_SCHEDULED: {
    label: 'Penggantian ONT dijadwalkan (tiket & WO maintenance)',
    path: 'swap',
    summary: 'WO Maintenance (ONT swap)',
  },
  ONT_SWAP_NOTICE_SENT: {
    label: 'Pemberitahuan penggantian ONT dikirim',
    path: 'swap',
    notice: 'ONT_SWAP_SCHEDULED',
  },
  ONT_VISIT_BOOKED: {
    label: 'Kunjungan teknisi dijadwalkan',
    path: 'swap',
    summary: 'Book the technician visit (vendor places per area and slot)',
  },
  ONT_VISIT_REMINDED: { label: 'Pengingat kunjungan dikirim', path: null, notice: 'VISIT_REMINDER' },
  ONT_VISIT_MISSED: {
    label: 'Kunjungan teknisi belum terlaksana',
    path: null,
    summary: 'Record the missed visit (pending category), free its place',
  },
  ONT_SWAP_ESCALATED: {
    label: 'Penggantian ONT dieskalasi',
    path: null,
    summary: 'Escalate the overdue ONT swap',
  },
  /** The technician's report (a signal): no call of ours takes it. */
  ONT_REPLACED: { label: 'ONT diganti ke Dual Band', path: 'swap' },
  ONT_SWAP_CLOSED: {
    label: 'Tiket & WO penggantian ONT ditutup',
    path: 'swap',
    summary: 'Record the new ONT, close WO and TT',
  },
  ONT_SWAP_COMPLETED_NOTICE_SENT: {
    label: 'Pemberitahuan penggantian ONT berhasil dikirim',
    path: 'swap',
    notice: 'ONT_SWAP_COMPLETED',
  },
  // The settlement's steps (one database step, `settleUpgrade`, takes them all) and the endings.
  BILL_VOIDED: { label: 'Tagihan dibatalkan', path: null },
  ONT_VISIT_CANCELLED: { label: 'Kunjungan teknisi dibatalkan', path: null },
  COMPLETED: { label: 'Upgrade selesai', path: 'end', ends: true, summary: 'Mark the upgrade completed' },
  FAILED: { label: 'Upgrade gagal', path: null, ends: true },
  CANCELLED: { label: 'Upgrade dibatalkan', path: null, ends: true },
  /** Its run closed without our code; the reconciler settles it. */
  TERMINATED: { label: 'Upgrade dihentikan', path: null, ends: true },
} as const satisfies Record<string, StepDeclaration>;

export type UpgradeStepName = keyof typeof STEPS;

export const UPGRADE_STEPS = Object.keys(STEPS) as UpgradeStepName[];

/** The steps the progress screen lists on one path, in order. */
export function stepsOnPath(path: Exclude<StepPath, null>): UpgradeStepName[] {
  return UPGRADE_STEPS.filter((name) => (STEPS[name] as StepDeclaration).path === path);
}

/** The steps every upgrade takes, up to the customer told of the new package. */
export const PACKAGE_STEPS = stepsOnPath('package');

export const UPGRADE_STATUSES = [
  'BILLING',
  'AWAITING_ONT_SWAP',
  'ESCALATED',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TERMINATED',
] as const;
export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];

/** Statuses of an upgrade whose run is still going: at most one per customer (partial unique index). */
export const IN_FLIGHT_STATUSES = [
  'BILLING',
  'AWAITING_ONT_SWAP',
  'ESCALATED',
] as const satisfies readonly UpgradeStatus[];

/** Where the upgrade stands, as the customer reads it (Bahasa Indonesia). */
export const STATUS_LABELS: { readonly [S in UpgradeStatus]: string } = {
  BILLING: 'Sedang diproses',
  AWAITING_ONT_SWAP: 'Menunggu penggantian ONT',
  ESCALATED: 'Menunggu penggantian ONT (dieskalasi)',
  COMPLETED: 'Selesai',
  FAILED: 'Gagal',
  CANCELLED: 'Dibatalkan',
  TERMINATED: 'Dihentikan',
};

export const isInFlight = (status: UpgradeStatus): boolean =>
  (IN_FLIGHT_STATUSES as readonly UpgradeStatus[]).includes(status);
