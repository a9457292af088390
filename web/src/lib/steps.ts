/**
 * An upgrade's steps as the progress screen lists them: what happened (with its time) and what is
 * still to come on the path this upgrade takes (with an ONT swap or without), in the deck's order.
 */
import { PACKAGE_STEPS } from '../../../contracts/steps';
import type { components } from '../api/schema';

type Upgrade = Pick<components['schemas']['UpgradeView'], 'status' | 'steps' | 'ontSwap'>;
export type StepName = components['schemas']['UpgradeStep']['name'];

export const STEP_LABELS: Record<StepName, string> = {
  REQUEST_ACCEPTED: 'Permintaan upgrade diterima',
  BILL_ISSUED: 'Tagihan diterbitkan',
  UPGRADE_TICKET_CLOSED: 'Tiket upgrade dibuat dan ditutup',
  UPGRADE_WORK_ORDER_CREATED: 'Work order upgrade dibuat',
  PACKAGE_SWITCHED: 'Paket baru aktif',
  CUSTOMER_NOTIFIED: 'Notifikasi tagihan dikirim',
  ONT_SWAP_SCHEDULED: 'Penggantian ONT dijadwalkan (tiket & WO maintenance)',
  ONT_SWAP_NOTICE_SENT: 'Pemberitahuan penggantian ONT dikirim',
  ONT_VISIT_BOOKED: 'Kunjungan teknisi dijadwalkan',
  ONT_VISIT_REMINDED: 'Pengingat kunjungan dikirim',
  ONT_VISIT_MISSED: 'Kunjungan teknisi belum terlaksana',
  ONT_SWAP_ESCALATED: 'Penggantian ONT dieskalasi',
  ONT_REPLACED: 'ONT diganti ke Dual Band',
  ONT_SWAP_CLOSED: 'Tiket & WO penggantian ONT ditutup',
  ONT_SWAP_COMPLETED_NOTICE_SENT: 'Pemberitahuan penggantian ONT berhasil dikirim',
  BILL_VOIDED: 'Tagihan dibatalkan',
  ONT_VISIT_CANCELLED: 'Kunjungan teknisi dibatalkan',
  COMPLETED: 'Upgrade selesai',
  FAILED: 'Upgrade gagal',
  CANCELLED: 'Upgrade dibatalkan',
  TERMINATED: 'Upgrade dihentikan',
};

const COMMON: readonly StepName[] = PACKAGE_STEPS;
const SWAP: StepName[] = [
  'ONT_SWAP_SCHEDULED',
  'ONT_SWAP_NOTICE_SENT',
  'ONT_VISIT_BOOKED',
  'ONT_REPLACED',
  'ONT_SWAP_CLOSED',
  'ONT_SWAP_COMPLETED_NOTICE_SENT',
];
const ENDINGS: StepName[] = ['FAILED', 'CANCELLED', 'TERMINATED'];

export interface StepLine {
  name: StepName;
  label: string;
  state: 'done' | 'current' | 'pending';
  /** When it happened (done steps only). */
  at: string | null;
}

export const IN_FLIGHT = ['BILLING', 'AWAITING_ONT_SWAP', 'ESCALATED'] as const;
export const isInFlight = (status: Upgrade['status']) => (IN_FLIGHT as readonly string[]).includes(status);

/** Whether this upgrade goes through an ONT swap, as far as its steps tell (or `needsSwap` from the quote). */
export function takesSwap(upgrade: Upgrade, needsSwap = false): boolean {
  return (
    needsSwap ||
    upgrade.ontSwap !== null ||
    upgrade.status === 'AWAITING_ONT_SWAP' ||
    upgrade.steps.some((s) => s.name.startsWith('ONT_'))
  );
}

/** The lines to show: every step that happened, in order, then those still to come (the first one current). */
export function stepLines(upgrade: Upgrade, needsSwap = false): StepLine[] {
  const done = upgrade.steps.map<StepLine>((s) => ({
    name: s.name,
    label: STEP_LABELS[s.name],
    state: 'done',
    at: s.at,
  }));
  const ended = upgrade.steps.some((s) => s.name === 'COMPLETED' || ENDINGS.includes(s.name));
  if (ended || !isInFlight(upgrade.status)) return done;
  const happened = new Set(upgrade.steps.map((s) => s.name));
  const plan = [...COMMON, ...(takesSwap(upgrade, needsSwap) ? SWAP : []), 'COMPLETED' as const];
  const toCome = plan
    .filter((name) => !happened.has(name))
    .map<StepLine>((name, i) => ({
      name,
      label: STEP_LABELS[name],
      state: i === 0 ? 'current' : 'pending',
      at: null,
    }));
  return [...done, ...toCome];
}

export const STATUS_LABELS: Record<Upgrade['status'], string> = {
  BILLING: 'Sedang diproses',
  AWAITING_ONT_SWAP: 'Menunggu penggantian ONT',
  ESCALATED: 'Menunggu penggantian ONT (dieskalasi)',
  COMPLETED: 'Selesai',
  FAILED: 'Gagal',
  CANCELLED: 'Dibatalkan',
  TERMINATED: 'Dihentikan',
};
