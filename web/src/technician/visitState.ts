/** How the technician app names a visit's state and marks it. */
import type { Schemas } from '../api/client';

export type VisitState = Schemas['JobCard']['state'];

export const VISIT_STATE_LABELS: Record<VisitState, string> = {
  TO_BE_BOOKED: 'Belum dijadwalkan',
  BOOKED: 'Dijadwalkan',
  MISSED: 'Gagal dikunjungi',
  DONE: 'Selesai',
  CANCELLED: 'Dibatalkan',
};

export const VISIT_STATE_CLASS: Record<VisitState, string> = {
  TO_BE_BOOKED: 'status status-unpaid',
  BOOKED: 'status status-booked',
  MISSED: 'status status-missed',
  DONE: 'status status-paid',
  CANCELLED: 'status status-void',
};
