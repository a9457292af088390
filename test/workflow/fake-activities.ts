import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import type { UpgradePlan } from '../../contracts/upgrade';

export const SCENARIO_A_PLAN: UpgradePlan = {
  customerName: 'AHMAD TARMIZI',
  from: { code: 'STREAM-75-SEM', name: 'Stream 75 Semesterly', priceIdr: 1_210_000 },
  target: {
    code: 'STREAM-150-SEM',
    name: 'Stream 150 Semesterly',
    priceIdr: 1_780_000,
    termMonths: 6,
    requiresDualBand: true,
  },
  promoLabel: 'END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY',
  ont: { serial: 'ZTEGD4A17B21', model: 'ZTE F670L', band: 'DUAL' },
  needsOntSwap: false,
  currentPeriodStart: '2025-11-01',
};

export const SCENARIO_B_PLAN: UpgradePlan = {
  customerName: 'FACHRI FATURACHMAN',
  from: { code: 'STREAM-50-YEAR', name: 'Stream 50 Yearly', priceIdr: 1_990_000 },
  target: {
    code: 'STREAM-200-YEAR',
    name: 'Stream 200 Yearly',
    priceIdr: 3_890_000,
    termMonths: 12,
    requiresDualBand: true,
  },
  promoLabel: null,
  ont: { serial: 'ZTEGC1F09A33', model: 'ZTE F609', band: 'SINGLE' },
  needsOntSwap: true,
  currentPeriodStart: '2025-10-12',
};

export type FakeActivities = { [K in keyof Activities]: jest.Mock };

/** Activities that record their calls and answer like the real ones, without a database. */
export function fakeActivities(
  plan: UpgradePlan,
  overrides: Partial<Record<keyof Activities, jest.Mock>> = {},
) {
  const delivered = { delivered: ['INBOX', 'PUSH', 'EMAIL'], skipped: [] };
  // The fake's visit book: each booking gets the next ID and knows the visit it moved.
  let bookings = 0;
  let lastBooked: { date: string; slot: string } | undefined;
  const fakes: Record<keyof Activities, jest.Mock> = {
    acceptUpgradeRequest: jest.fn(async () => plan),
    issueUpgradeBill: jest.fn(async () => ({
      billCode: '202511712857',
      totalIdr: 771_700,
      dueDate: '2025-11-28',
    })),
    openUpgradeTicket: jest.fn(async () => ({ ticketNo: '3759821' })),
    openChangeOntTicket: jest.fn(async () => ({ ticketNo: '3759822' })),
    createUpgradeWorkOrder: jest.fn(async () => ({ woNumber: 'WO-21112025-2825386' })),
    createMaintenanceWorkOrder: jest.fn(async () => ({ woNumber: 'WO-21112025-2825387' })),
    switchSubscription: jest.fn(async () => ({ periodStart: '2025-11-21', periodEnd: '2026-05-21' })),
    escalateOntSwap: jest.fn(async () => undefined),
    completeOntSwap: jest.fn(async () => ({ replacedSerials: ['ZTEGC1F09A33'] })),
    completeUpgrade: jest.fn(async () => undefined),
    settleUpgrade: jest.fn(async (input: { upgradeId: string; ending: string }) => ({
      upgradeId: input.upgradeId,
      customerId: plan.customerName,
      ending: input.ending,
      switched: false,
      voidedBillCode: null,
      cancelledVisit: null,
    })),
    notifyUpgradeCancelled: jest.fn(async () => delivered),
    notifyOntVisitCancelled: jest.fn(async () => delivered),
    notifyBillIssued: jest.fn(async () => delivered),
    notifyOntSwapScheduled: jest.fn(async () => delivered),
    notifyOntSwapCompleted: jest.fn(async () => delivered),
    notifyOntSwapDelayed: jest.fn(async () => delivered),
    notifyVisitBooked: jest.fn(async () => delivered),
    notifyVisitReminder: jest.fn(async () => delivered),
    notifyVisitMissed: jest.fn(async () => delivered),
    bookVisit: jest.fn(async (input: { workOrderNumber: string; date: string; slot: string; by: string }) => {
      bookings += 1;
      const booked = {
        appointmentId: bookings,
        workOrderNumber: input.workOrderNumber,
        date: input.date,
        slot: input.slot,
        bookedBy: input.by,
        previous: lastBooked ? { date: lastBooked.date, slot: lastBooked.slot } : null,
      };
      lastBooked = booked;
      return booked;
    }),
    checkPaymentAttempt: jest.fn(async () => ({ status: 'PENDING', transactionId: null })),
    readBillStatus: jest.fn(async () => ({ status: 'UNPAID' })),
    notifyBillDueReminder: jest.fn(async () => delivered),
    notifyPaymentReceived: jest.fn(async () => delivered),
    recordMissedVisit: jest.fn(async () => {
      lastBooked = undefined;
    }),
    ...overrides,
  };
  return fakes as FakeActivities;
}

export function refused(message: string) {
  return jest.fn(async () => {
    throw ApplicationFailure.nonRetryable(message, 'UpgradeRefused');
  });
}
