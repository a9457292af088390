/** Report that the visit booked did not swap the ONT: its category, and the remark OTHER needs. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must, type Schemas } from '../api/client';
import { VISIT_PENDING_LABELS } from '../lib/format';
import { Card } from '../ui/Page';
import { ReportProblems } from './ReportProblems';
import { useRefreshWorkOrder } from './useRefresh';

type Category = keyof typeof VISIT_PENDING_LABELS;
type Appointment = Schemas['AppointmentView'];

export function MissedVisitForm({ woNumber, booked }: { woNumber: string; booked: Appointment }) {
  const [category, setCategory] = useState<Category | ''>('');
  const [remark, setRemark] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const refresh = useRefreshWorkOrder(woNumber);
  const report = useMutation({
    mutationFn: (body: { category: Category; remark?: string }) =>
      must(
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
      ),
    onSuccess: () => {
      setCategory('');
      setRemark('');
      refresh();
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
