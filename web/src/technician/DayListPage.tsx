/**
 * "Jadwal": the vendor's visits of a day by slot (booked, missed, done), then the work orders
 * still to be booked; a day switcher and an area filter, both in the URL (a reload keeps them).
 */
import { Link, useSearchParams } from 'react-router';
import { addDays, jakartaDateOf } from '../../../domain/calendar';
import { VISIT_SLOTS } from '../../../domain/visits';
import type { Schemas } from '../api/client';
import { formatInstant, formatLongDate, VISIT_PENDING_LABELS } from '../lib/format';
import { technicianRefusalInWords } from '../lib/refusals';
import { Card, ErrorNotice, Loading, Page } from '../ui/Page';
import { useVisits } from './queries';
import { VISIT_STATE_CLASS, VISIT_STATE_LABELS } from './visitState';

type Visit = Schemas['TechnicianVisitList']['visits'][number];

export function DayListPage() {
  const [search, setSearch] = useSearchParams();
  const today = jakartaDateOf(new Date());
  const date = /^\d{4}-\d{2}-\d{2}$/.test(search.get('date') ?? '') ? search.get('date')! : today;
  const area = search.get('area') || null;
  const visits = useVisits(date, area);
  const go = (next: { date?: string; area?: string | null }) => {
    const params = new URLSearchParams(search);
    if (next.date !== undefined) params.set('date', next.date);
    if (next.area !== undefined) {
      if (next.area) params.set('area', next.area);
      else params.delete('area');
    }
    setSearch(params);
  };
  const title = date === today ? 'Jadwal hari ini' : 'Jadwal kunjungan';
  return (
    <Page title={title}>
      <nav className="day-switcher" aria-label="Pilih hari">
        <button
          type="button"
          className="button button-secondary day-step"
          onClick={() => go({ date: addDays(date, -1) })}
        >
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">Hari sebelumnya</span>
        </button>
        <label className="field day-field">
          <span className="visually-hidden">Tanggal</span>
          <input type="date" value={date} onChange={(e) => e.target.value && go({ date: e.target.value })} />
        </label>
        <button
          type="button"
          className="button button-secondary day-step"
          onClick={() => go({ date: addDays(date, 1) })}
        >
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">Hari berikutnya</span>
        </button>
      </nav>
      <p className="day-name">
        {formatLongDate(date)}
        {date === today ? ' (hari ini)' : ''}
        {date !== today ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => go({ date: today })}>
              Hari ini
            </button>
          </>
        ) : null}
      </p>
      {visits.isPending ? <Loading what="Memuat jadwal…" /> : null}
      {visits.isError ? <ErrorNotice error={visits.error} inWords={technicianRefusalInWords} /> : null}
      {visits.data ? (
        <>
          <label className="field">
            <span>Area</span>
            <select value={area ?? ''} onChange={(e) => go({ area: e.target.value || null })}>
              <option value="">Semua area</option>
              {[...new Set([...visits.data.areas, ...(area ? [area] : [])])].map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <p className="small">Vendor {visits.data.vendor}</p>
          <DayList visits={visits.data.visits} toBeBookedTotal={visits.data.toBeBookedTotal} />
        </>
      ) : null}
    </Page>
  );
}

/**
 * What needs doing first: the work orders still to book (the most urgent first), then the day's
 * slots with visits in time order, then the slots with none, in one line; nothing left to book
 * is said last.
 */
function DayList({ visits, toBeBookedTotal }: { visits: Visit[]; toBeBookedTotal: number }) {
  const toBook = visits.filter((v) => v.state === 'TO_BE_BOOKED');
  const bySlot = VISIT_SLOTS.map((slot) => ({ slot, inSlot: visits.filter((v) => v.slot === slot) }));
  const empty = bySlot.filter(({ inSlot }) => inSlot.length === 0).map(({ slot }) => slotHours(slot));
  const toBookCard = (
    <Card title="Belum dijadwalkan" tone={toBook.length ? 'warning' : undefined}>
      {toBook.length < toBeBookedTotal ? (
        <p className="small">
          {toBook.length} yang paling mendesak (batas penggantian terdekat) dari{' '}
          {toBeBookedTotal.toLocaleString('id-ID')} work order.
        </p>
      ) : null}
      {toBook.length ? (
        <VisitRows visits={toBook} />
      ) : (
        <p className="small">Semua work order sudah dijadwalkan.</p>
      )}
    </Card>
  );
  return (
    <>
      {toBook.length ? toBookCard : null}
      {bySlot
        .filter(({ inSlot }) => inSlot.length > 0)
        .map(({ slot, inSlot }) => (
          <Card key={slot} title={`Slot ${slotHours(slot)} WIB`}>
            <VisitRows visits={inSlot} />
          </Card>
        ))}
      {empty.length ? (
        <Card title="Slot tanpa kunjungan">
          <p className="small">{empty.join(', ')} WIB.</p>
        </Card>
      ) : null}
      {toBook.length ? null : toBookCard}
    </>
  );
}

/** `'08-10'` → `'08.00–10.00'`. */
const slotHours = (slot: string) => `${slot.replace('-', '.00–')}.00`;

function VisitRows({ visits }: { visits: Visit[] }) {
  return (
    <ul className="plain visit-rows">
      {visits.map((v) => (
        <li key={`${v.workOrderNumber}-${v.state}-${v.slot ?? ''}`}>
          <Link className="visit-row" to={`/technician/wo/${v.workOrderNumber}`}>
            <span className="visit-row-head">
              <span className="visit-customer">{v.customer.name}</span>
              {v.customer.customerType === 'VIP' ? <span className="tag">VIP</span> : null}
              <span className={VISIT_STATE_CLASS[v.state]}>{VISIT_STATE_LABELS[v.state]}</span>
            </span>
            <span className="visit-wo">
              {v.workOrderNumber} · {v.area}
            </span>
            {v.address ? <span className="visit-address">{v.address}</span> : null}
            {v.pendingCategory ? (
              <span className="visit-address">Alasan: {VISIT_PENDING_LABELS[v.pendingCategory]}</span>
            ) : null}
            {v.state === 'TO_BE_BOOKED' && v.dueAt ? (
              <span className="visit-address">Batas penggantian: {formatInstant(v.dueAt)}</span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
