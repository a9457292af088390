/**
 * Report that the visit booked did not swap the ONT: its category, and the remark OTHER needs.
 * Only once its slot has begun (the API's rule, said here before anything is sent); the report is
 * confirmed on screen once the job card shows the visit missed.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { missedReportRefusal, visitStart } from '../../../domain/visits';
import { api, must, type Schemas } from '../api/client';
import { formatInstant, VISIT_PENDING_LABELS } from '../lib/format';
import { Card } from '../ui/Page';
import { ReportProblems } from './ReportProblems';
import { useRefreshWorkOrder } from './useRefresh';

type Category = keyof typeof VISIT_PENDING_LABELS;
type Appointment = Schemas['AppointmentView'];

/** How long the form waits for the run to record the miss before it says so anyway (the card follows). */
const RECORDED_WITHIN_MS = 15_000;

export function MissedVisitForm({
  woNumber,
  booked,
  onReported,
}: {
  woNumber: string;
  booked: Appointment;
  /** Called with the visit and its category in words once the report is taken. */
  onReported: (what: string) => void;
}) {
  const [category, setCategory] = useState<Category | ''>('');
  const [remark, setRemark] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const begun = useSlotBegun(booked);
  const refresh = useRefreshWorkOrder(woNumber);
  const report = useMutation({
    mutationFn: async (body: { category: Category; remark?: string }) => {
      await must(
        api.POST('/v1/technician/work-orders/{woNumber}/visit-report', {
          params: { path: { woNumber } },
          body:
            body.category === 'OTHER'
              ? { outcome: 'PENDING', category: 'OTHER', remark: body.remark ?? '' }
              : {
                  outcome: 'PENDING',
                  category: body.category,
                  ...(body.remark ? { remark: body.remark } : {}),
                },
        }),
      );
      // The run records the miss a moment after it takes the report: the card is read until it shows it.
      await recorded(woNumber, booked);
      return body.category;
    },
    onSuccess: (reportedCategory) => {
      setCategory('');
      setRemark('');
      refresh();
      onReported(`${booked.label}, ${VISIT_PENDING_LABELS[reportedCategory]}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = remark.trim();
    if (!category) return setInvalid('Pilih kategori mengapa kunjungan gagal.');
    if (category === 'OTHER' && text.length < 2)
      return setInvalid('Kategori “Lainnya” wajib diberi keterangan: tuliskan apa yang terjadi.');
    if (text.length > 500) return setInvalid('Keterangan paling banyak 500 karakter.');
    setInvalid(null);
    report.mutate({ category, ...(text ? { remark: text } : {}) });
  };
  if (!begun) {
    return (
      <Card title="Laporkan kunjungan gagal">
        <p className="notice notice-rule">
          Kunjungan {booked.label} belum dimulai. Kunjungan gagal bisa dilaporkan mulai{' '}
          <strong>{formatInstant(visitStart(booked.date, booked.slot).toISOString())}</strong>, saat slotnya
          dimulai.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Laporkan kunjungan gagal">
      <p className="small">
        Kunjungan {booked.label} tidak berhasil mengganti ONT? Laporkan alasannya; pelanggan diberi tahu dan
        kunjungan perlu dijadwalkan lagi.
      </p>
      <form onSubmit={submit} className="stack-form" noValidate>
        <label className="field">
          <span>Kategori pending</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as Category | '')}>
            <option value="">Pilih kategori…</option>
            {Object.entries(VISIT_PENDING_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Keterangan{category === 'OTHER' ? ' (wajib untuk Lainnya)' : ' (opsional)'}</span>
          <textarea value={remark} rows={3} maxLength={500} onChange={(e) => setRemark(e.target.value)} />
        </label>
        <ReportProblems invalid={invalid} error={report.error} />
        <button type="submit" className="button button-secondary" disabled={report.isPending}>
          {report.isPending ? 'Mengirim…' : 'Laporkan kunjungan gagal'}
        </button>
      </form>
    </Card>
  );
}

/** Whether the visit's slot has begun, turning true when it does while the card is open. */
function useSlotBegun({ date, slot }: Appointment): boolean {
  const [begun, setBegun] = useState(() => slotBegun(date, slot));
  useEffect(() => {
    setBegun(slotBegun(date, slot));
    const wait = visitStart(date, slot).getTime() - Date.now();
    // Timers longer than ~24.8 days fire at once: the card is reopened long before that.
    if (wait <= 0 || wait > 2 ** 31 - 1) return;
    const timer = setTimeout(() => setBegun(true), wait + 50);
    return () => clearTimeout(timer);
  }, [date, slot]);
  return begun;
}

const slotBegun = (date: string, slot: string) =>
  missedReportRefusal({ date, slot, now: new Date() }) === null;

/** Reads the job card until the visit reported is no longer the one booked, or a while has passed. */
async function recorded(woNumber: string, booked: Appointment): Promise<void> {
  const until = Date.now() + RECORDED_WITHIN_MS;
  while (Date.now() < until) {
    const { data } = await api.GET('/v1/technician/work-orders/{woNumber}', {
      params: { path: { woNumber } },
    });
    const now = data?.appointment;
    if (!(now?.status === 'BOOKED' && now.date === booked.date && now.slot === booked.slot)) return;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}
