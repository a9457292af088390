import { useState } from 'react';
import type { Schemas } from '../api/client';
import { useFreeSlots } from '../api/slots';
import { formatVisit, VISIT_PENDING_LABELS, type VisitSlot } from '../lib/format';
import { ErrorNotice, Facts } from '../ui/Page';
import { ActionForm } from './ActionForm';
import { CsListTab } from './CsTab';
import { type CsList, CsTable } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { postAction } from './postAction';
import { useCsWorkOrders, useProfile } from './queries';

type WorkOrder = Schemas['WorkOrderView'];

type Appointment = WorkOrder['appointmentHistory'][number];

const PERSON = { TECHNICIAN: 'Vendor', CUSTOMER: 'Pelanggan', CS: 'Customer Service' } as const;
const VISIT_STATUS = {
  BOOKED: 'Terjadwal',
  MOVED: 'Dipindah',
  MISSED: 'Tidak terlaksana',
  DONE: 'Selesai',
  CANCELLED: 'Dibatalkan',
} as const;

const ORDERS: CsList<WorkOrder> = {
  columns: {
    Package: (wo) => wo.package,
    'Type Package': (wo) => wo.typePackage,
    'Workorder No': (wo) => wo.woNumber,
    'WO Type': (wo) => wo.type,
    Status: (wo) => wo.status,
    Total: (wo) => wo.totalIdr,
  },
  rowKey: (wo) => wo.woNumber,
  empty: 'Belum ada work order.',
};

/** A visit's history: when, booked by whom, its status, its last act (who, when) and what was said of it. */
const APPOINTMENTS: CsList<Appointment> = {
  columns: {
    Jadwal: (a) => a.label,
    Dijadwalkan: (a) => `${PERSON[a.bookedBy]}, ${formatCrmInstant(a.bookedAt)}`,
    Status: (a) => VISIT_STATUS[a.status],
    Oleh: (a) => personOf(lastAct(a).by),
    Pada: (a) => formatCrmInstant(lastAct(a).at),
    Keterangan: (a) => (
      <>
        {a.pendingCategory ? VISIT_PENDING_LABELS[a.pendingCategory] : ''}
        {a.remark ? ` — ${a.remark}` : ''}
        {doneEarly(a) ? 'ONT diganti sebelum hari kunjungan' : ''}
      </>
    ),
  },
  rowKey: (a) => a.bookedAt + a.slot,
  empty: 'Belum ada kunjungan yang dijadwalkan.',
};

/** WO: both kinds (WO Upgrade, WO Maintenance as the deck's form), each visit's history, and booking for the customer. */
export function WorkOrderTab() {
  const customerId = useCustomerIdParam();
  const profile = useProfile(customerId);
  return (
    <CsListTab
      query={useCsWorkOrders(customerId)}
      label="Work orders"
      heading="WO"
      items="workOrders"
      table={ORDERS}
    >
      {({ workOrders }) =>
        workOrders
          .filter((wo) => wo.type === 'MAINTENANCE')
          .map((wo) => (
            <MaintenanceForm
              key={wo.woNumber}
              wo={wo}
              phone={profile.data?.phone}
              email={profile.data?.email}
            />
          ))
      }
    </CsListTab>
  );
}

/** The deck's "WORK ORDER" maintenance form, the visit's history, and the booking. */
function MaintenanceForm({ wo, phone, email }: { wo: WorkOrder; phone?: string; email?: string }) {
  const visit = wo.appointment;
  // The category of the last missed visit, while the WO waits for the swap; none once it is closed.
  const missed =
    wo.status === 'Replacing' ? wo.appointmentHistory.filter((a) => a.status === 'MISSED').at(-1) : undefined;
  return (
    <section className="cs-wo" aria-label={`Work order ${wo.woNumber}`}>
      <h3>WORK ORDER {wo.woNumber}</h3>
      <div className="cs-columns">
        <Facts
          rows={[
            ['Workorder No', wo.woNumber],
            ['Work Order Type', wo.type],
            ['Status', wo.status],
            ['Customer', wo.customer.name],
            ['Customer No', wo.customer.id],
            ['Customer Type', wo.customer.customerType],
            ['Address', wo.address ?? '—'],
            ['Homepass', wo.homepass ?? '—'],
            ['Telepon', phone ?? '—'],
            ['Email', email ?? '—'],
          ]}
        />
        <Facts
          rows={[
            ['Installation Date / Slot Time', visit ? visit.label : '—'],
            ['Vendor Installer', wo.vendor ?? '—'],
            ['FAT Code', wo.fatCode ?? '—'],
            ['FAT Port', wo.fatPort === null ? '—' : String(wo.fatPort)],
            ['Job Description', wo.jobDescription ?? '—'],
            [
              'Category Pending',
              missed?.pendingCategory ? VISIT_PENDING_LABELS[missed.pendingCategory] : '—',
            ],
            ['Ticket No', wo.ticketNo ?? '—'],
            ['Dibatalkan', wo.cancelReason ?? '—'],
          ]}
        />
      </div>
      <h4>Riwayat jadwal kunjungan</h4>
      <CsTable items={wo.appointmentHistory} label="Riwayat jadwal kunjungan" {...APPOINTMENTS} />
      {wo.status === 'Replacing' ? <BookVisit wo={wo} /> : null}
    </section>
  );
}

/** Who did the visit's last act and when: its booking while it stands, else its move, miss, swap or cancel. */
function lastAct(a: Appointment): { by: Appointment['closedBy']; at: string | null } {
  return a.status === 'BOOKED' ? { by: a.bookedBy, at: a.bookedAt } : { by: a.closedBy, at: a.closedAt };
}

const personOf = (by: Appointment['closedBy']) => (by ? PERSON[by] : '—');

/** The swap was reported done on an earlier day than the visit's (Jakarta dates). */
const doneEarly = (a: Appointment) =>
  a.status === 'DONE' && a.closedAt !== null && a.closedAt.slice(0, 10) < a.date;

/** Book or move the visit on the customer's behalf: a slot with a free place, and why. */
function BookVisit({ wo }: { wo: WorkOrder }) {
  const customerId = useCustomerIdParam();
  const slots = useFreeSlots(wo.woNumber, 14);
  const [choice, setChoice] = useState('');
  const free = (slots.data?.slots ?? []).filter((s) => s.free > 0);
  const [date, slot] = choice.split('|');
  return (
    <ActionForm
      title={
        wo.appointment?.status === 'BOOKED'
          ? 'Pindahkan kunjungan untuk pelanggan'
          : 'Jadwalkan kunjungan untuk pelanggan'
      }
      submitLabel={wo.appointment?.status === 'BOOKED' ? 'Pindahkan kunjungan' : 'Jadwalkan kunjungan'}
      ready={choice !== ''}
      perform={(reason, key) =>
        postAction(
          '/v1/cs/customers/{customerId}/work-orders/{woNumber}/appointment',
          { customerId, woNumber: wo.woNumber },
          key,
          { date: date!, slot: slot!, reason },
        )
      }
      describe={(answer) => `Kunjungan dijadwalkan ${answer.visit.appointment.label}.`}
    >
      {slots.isError ? <ErrorNotice error={slots.error} /> : null}
      <label htmlFor={`slot-${wo.woNumber}`}>Slot (tempat tersisa di area {slots.data?.area ?? '…'})</label>
      <select id={`slot-${wo.woNumber}`} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">Pilih slot…</option>
        {free.map((s) => (
          <option key={`${s.date}|${s.slot}`} value={`${s.date}|${s.slot}`}>
            {formatVisit(s.date, s.slot as VisitSlot)} — {s.free} tempat
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
