/**
 * The job card: the deck's WO Maintenance form (Billing App) for one ONT swap, with what the
 * technician does from it: book or move the visit, report it missed, report the swap.
 */
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { bandLabel, formatInstant, formatLongDate, VISIT_PENDING_LABELS } from '../lib/format';
import { WORK_ORDER_STATUS_WORDS, withTerm } from '../lib/labels';
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
  const [reported, setReported] = useState<string | null>(null);
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
          <div id={ACTION_TARGETS.book}>
            {reported ? <Reported what={reported} /> : null}
            <BookVisitForm
              woNumber={wo.woNumber}
              booked={booked}
              dueAt={wo.dueAt}
              onBooked={() => setReported(null)}
            />
          </div>
          {booked ? (
            <div id={ACTION_TARGETS.missed}>
              <MissedVisitForm woNumber={wo.woNumber} booked={booked} onReported={setReported} />
            </div>
          ) : null}
          <div id={ACTION_TARGETS.swap}>
            <SwapReportForm woNumber={wo.woNumber} booked={booked} />
          </div>
          <ActionBar booked={booked !== null} />
        </>
      ) : null}
    </Page>
  );
}

/** The missed visit recorded, said where the technician's eyes are: next to booking the new one. */
function Reported({ what }: { what: string }) {
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    notice.current?.scrollIntoView({ block: 'center' });
    notice.current?.focus({ preventScroll: true });
  }, []);
  return (
    <p ref={notice} tabIndex={-1} className="notice notice-success" role="status">
      Kunjungan dicatat tidak terlaksana: {what}. Jadwalkan kunjungan baru.
    </p>
  );
}

const ACTION_TARGETS = { book: 'tindakan-jadwal', missed: 'tindakan-gagal', swap: 'tindakan-ganti' } as const;

/**
 * The job card's actions, always on screen (a bar at the bottom of the phone's screen): each goes
 * to its form and its first field, however far down the WO form reaches.
 */
function ActionBar({ booked }: { booked: boolean }) {
  const go = (id: string) => {
    const target = document.getElementById(id);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button')?.focus({
      preventScroll: true,
    });
  };
  return (
    <nav className="action-bar bottom-bar" aria-label="Tindakan">
      <button type="button" className="button" onClick={() => go(ACTION_TARGETS.book)}>
        {booked ? 'Pindahkan' : 'Jadwalkan'}
      </button>
      {booked ? (
        <button type="button" className="button button-secondary" onClick={() => go(ACTION_TARGETS.missed)}>
          Gagal
        </button>
      ) : null}
      <button type="button" className="button button-secondary" onClick={() => go(ACTION_TARGETS.swap)}>
        Ganti ONT
      </button>
    </nav>
  );
}

/** Google Maps' search for the address: no key, opens in a new tab (the maps app on a phone). */
export function mapsUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** The Billing App's WO Maintenance form, field by field. */
function WorkOrderForm({ wo }: { wo: JobCard }) {
  const visit = wo.appointment;
  // The category of the last missed visit, while the WO waits for the swap; none once it is closed.
  const lastMissed =
    wo.status === 'Replacing' ? wo.appointmentHistory.filter((a) => a.status === 'MISSED').at(-1) : undefined;
  const { homepass } = wo;
  return (
    <Card title="Work Order">
      <Facts
        rows={[
          ['No. work order', wo.woNumber],
          ['Tipe work order', wo.type],
          ['Status', withTerm(WORK_ORDER_STATUS_WORDS[wo.status], wo.status)],
          ['Pelanggan', wo.customer.name],
          ['No. pelanggan', wo.customer.id],
          ['Tipe pelanggan', wo.customer.customerType],
          [
            'Alamat',
            wo.address ? (
              <span key="address">
                {wo.address}{' '}
                <a href={mapsUrl(wo.address)} target="_blank" rel="noopener noreferrer">
                  Buka di Google Maps<span className="visually-hidden"> (tab baru)</span>
                </a>
              </span>
            ) : (
              '–'
            ),
          ],
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
const PERSON = { TECHNICIAN: 'teknisi', CUSTOMER: 'pelanggan', CS: 'customer service' } as const;

/** Each visit: who booked it and when, then who moved, missed or finished it and when. */
function VisitHistory({ wo }: { wo: JobCard }) {
  if (!wo.appointmentHistory.length) return null;
  return (
    <Card title="Riwayat kunjungan">
      <ol className="plain visit-history">
        {wo.appointmentHistory.map((a) => (
          <li key={`${a.date}-${a.slot}-${a.bookedAt}`}>
            <strong>{a.label}</strong>: dijadwalkan (oleh {PERSON[a.bookedBy]}, {formatInstant(a.bookedAt)})
            {a.status !== 'BOOKED' ? (
              <>
                , {APPOINTMENT_WORDS[a.status]}
                {a.closedBy || a.closedAt
                  ? ` (${[
                      a.closedBy ? `oleh ${PERSON[a.closedBy]}` : null,
                      a.closedAt ? formatInstant(a.closedAt) : null,
                    ]
                      .filter(Boolean)
                      .join(', ')})`
                  : ''}
              </>
            ) : null}
            {a.pendingCategory ? `, ${VISIT_PENDING_LABELS[a.pendingCategory]}` : ''}
            {a.remark ? ` (${a.remark})` : ''}
          </li>
        ))}
      </ol>
    </Card>
  );
}
