/** The technician visit of an ONT swap: its bookings and the slots free to book. */
import { z } from 'zod';
import { VISIT_PENDING_CATEGORIES, VISIT_SLOTS } from '../../domain/visits';
import { Count, JakartaInstant, LocalDate, UpgradeId, WorkOrderNo } from './scalars';

export const AppointmentView = z.strictObject({
  date: LocalDate,
  slot: z.enum(VISIT_SLOTS).describe('Jakarta hours, e.g. 08-10'),
  label: z.string().describe('the visit in Indonesian, e.g. Senin, 24 November 2025, 08.00–10.00 WIB'),
  status: z
    .enum(['BOOKED', 'MOVED', 'MISSED', 'DONE', 'CANCELLED'])
    .describe('BOOKED stands; MOVED was replaced; MISSED the technician could not swap; DONE swapped'),
  bookedBy: z.enum(['TECHNICIAN', 'CUSTOMER', 'CS']).describe('CS: customer service, for the customer'),
  pendingCategory: z.enum(VISIT_PENDING_CATEGORIES).nullable().describe('why a MISSED visit was missed'),
  remark: z.string().nullable(),
  bookedAt: JakartaInstant,
  closedAt: JakartaInstant.nullable().describe(
    'when it was moved, missed, done (the swap’s time) or cancelled',
  ),
  closedBy: z
    .enum(['TECHNICIAN', 'CUSTOMER', 'CS'])
    .nullable()
    .describe(
      'who moved it (whoever booked the next visit), or the technician who reported it missed or done',
    ),
});

export const Appointments = {
  appointment: AppointmentView.nullable().describe('the visit booked (or done): its date, slot and status'),
  appointmentHistory: z.array(AppointmentView).describe('every booking, oldest first'),
};

export const AppointmentAnswer = z.strictObject({
  workOrderNumber: WorkOrderNo,
  upgradeId: UpgradeId,
  appointment: AppointmentView,
  previous: z.strictObject({ date: LocalDate, slot: z.string() }).nullable().describe('the visit it moved'),
  links: z.strictObject({ upgrade: z.string(), availableSlots: z.string() }),
});

export const AvailableSlots = z.strictObject({
  workOrderNumber: WorkOrderNo,
  area: z.string().describe("the vendor's area (from the FAT code), whose places per slot apply"),
  moveLeadHours: Count.describe(
    'a booked visit can be moved until this many hours before it (VISIT_MOVE_LEAD_HOURS)',
  ),
  slots: z.array(
    z.strictObject({
      date: LocalDate,
      slot: z.enum(VISIT_SLOTS),
      free: Count.describe('places left; 0 means full'),
    }),
  ),
});
