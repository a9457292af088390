/**
 * The job card: the deck's WO Maintenance form (Billing App) for one ONT swap, with what the
 * technician does from it: book or move the visit, report it missed, report the swap.
 */
import { useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { bandLabel, formatInstant, formatLongDate, VISIT_PENDING_LABELS } from '../lib/format';
import { technicianRefusalInWords } from '../lib/refusals';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { BookVisitForm } from './BookVisitForm';
import { MissedVisitForm } from './MissedVisitForm';
import { useJobCard } from './queries';
import { SwapReportForm } from './SwapReportForm';
import { VISIT_STATE_CLASS, VISIT_STATE_LABELS } from './visitState';

type JobCard = Schemas['JobCard'];

export function JobCardPage() {
  const { woNumber = '' } = useParams();
  const card = useJobCard(woNumber);
  const back = { to: '/technician', label: 'Jadwal' };
  if (card.isPending) return <Loading what="Memuat work order…" />;
  if (card.isError)
    return (
      <Page title="Work order" back={back}>
        <ErrorNotice error={card.error} inWords={technicianRefusalInWords} />
      </Page>
    );
  const wo = card.data;
  const open = wo.status === 'Replacing';
  const booked = wo.appointment?.status === 'BOOKED' ? wo.appointment : null;
  return (
    <Page title={wo.woNumber} back={back}>
      <p className={VISIT_STATE_CLASS[wo.state]}>{VISIT_STATE_LABELS[wo.state]}</p>
      <WorkOrderForm wo={wo} />
      <VisitHistory wo={wo} />
      {wo.state === 'DONE' ? (
        <Card title="Penggantian selesai" tone="success">
          <p>
            ONT sudah diganti{wo.completedAt ? ` (${formatInstant(wo.completedAt)})` : ''}. Tiket dan work
            order ditutup; pelanggan sudah diberi tahu.
          </p>
        </Card>
      ) : null}
      {open ? (
        <>
          <BookVisitForm woNumber={wo.woNumber} booked={booked} />
          {booked ? <MissedVisitForm woNumber={wo.woNumber} booked={booked} /> : null}
          <SwapReportForm woNumber={wo.woNumber} booked={booked} />
        </>
      ) : null}
    </Page>
  );
}

/** The Billing App's WO Maintenance form, field by field. */
function WorkOrderForm({ wo }: { wo: JobCard }) {
  const visit = wo.appointment;
  const lastMissed = wo.appointmentHistory.filter((a) => a.status === 'MISSED').at(-1);
  const { homepass } = wo;
  return (
    <Card title="Work Order">
      <Facts
        rows={[
          ['No. work order', wo.woNumber],
          ['Tipe work order', wo.type],
          ['Status', wo.status],
          ['Pelanggan', wo.customer.name],
          ['No. pelanggan', wo.customer.id],
          ['Tipe pelanggan', wo.customer.customerType],
          ['Alamat', wo.address ?? '–'],
          [
            'Homepass Code / Homepass ID / Area ID / Cluster ID',
            `${homepass.code} / ${homepass.id} / ${homepass.areaId ?? '–'} / ${homepass.clusterId ?? '–'}`,
          ],
          [
            'Telepon',
            <a key="phone" href={`tel:${wo.customer.phone}`}>
              {wo.customer.phone}
            </a>,
          ],
          ['Email', wo.customer.email],
          ['Tanggal instalasi', visit ? formatLongDate(visit.date) : 'Belum dijadwalkan'],
          ['Slot', visit ? `${visit.slot.replace('-', '.00–')}.00 WIB` : '–'],
          ['Vendor pemasang', wo.vendor ?? '–'],
          ['Kode FAT', wo.fatCode ?? '–'],
          ['Port FAT', wo.fatPort ?? '–'],
          ['Area', wo.area],
          [
            'Deskripsi pekerjaan',
            <span key="job" className="job-description">
              {wo.jobDescription ?? '–'}
            </span>,
          ],
          [
            'Kategori pending',
            lastMissed?.pendingCategory ? VISIT_PENDING_LABELS[lastMissed.pendingCategory] : '–',
          ],
          ['Tiket (TT)', wo.ticketNo ?? '–'],
          ['Paket baru', wo.package],
          wo.dueAt ? ['Batas penggantian (SLA)', formatInstant(wo.dueAt)] : null,
          wo.completedAt ? ['Selesai', formatInstant(wo.completedAt)] : null,
          wo.cancelReason ? ['Alasan batal', wo.cancelReason] : null,
        ]}
      />
      <h3>ONT saat ini</h3>
      {wo.ont ? (
        <Facts
          rows={[
            ['Model', wo.ont.model],
            ['Nomor seri', wo.ont.serial],
            ['Jenis', bandLabel(wo.ont.band)],
          ]}
        />
      ) : (
        <p className="small">Tidak ada ONT aktif tercatat.</p>
      )}
    </Card>
  );
}

const APPOINTMENT_WORDS = {
  BOOKED: 'dijadwalkan',
  MOVED: 'dipindahkan',
  MISSED: 'gagal',
  DONE: 'selesai',
  CANCELLED: 'dibatalkan',
} as const;
const BOOKED_BY = { TECHNICIAN: 'teknisi', CUSTOMER: 'pelanggan', CS: 'customer service' } as const;

function VisitHistory({ wo }: { wo: JobCard }) {
  if (!wo.appointmentHistory.length) return null;
  return (
    <Card title="Riwayat kunjungan">
      <ol className="plain visit-history">
        {wo.appointmentHistory.map((a) => (
          <li key={`${a.date}-${a.slot}-${a.bookedAt}`}>
            <strong>{a.label}</strong>: {APPOINTMENT_WORDS[a.status]} (oleh {BOOKED_BY[a.bookedBy]})
            {a.pendingCategory ? `, ${VISIT_PENDING_LABELS[a.pendingCategory]}` : ''}
            {a.remark ? ` (${a.remark})` : ''}
          </li>
        ))}
      </ol>
    </Card>
  );
}
