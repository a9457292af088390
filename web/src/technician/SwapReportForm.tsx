/**
 * Report the swap: the new ONT's serial, model and band. The API's rules, said before sending:
 * the new package needs Dual Band, and a swap reported before the day of the visit booked needs
 * the technician to say it was done early.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { jakartaDateOf } from '../../../domain/calendar';
import { api, must, type Schemas } from '../api/client';
import { useSession } from '../auth';
import { Card } from '../ui/Page';
import { ReportProblems } from './ReportProblems';
import { useRefreshWorkOrder } from './useRefresh';

type Appointment = Schemas['AppointmentView'];
type Band = 'SINGLE' | 'DUAL';

const SERIAL = /^[A-Z0-9]{8,20}$/;

export function SwapReportForm({ woNumber, booked }: { woNumber: string; booked: Appointment | null }) {
  const session = useSession();
  const [serial, setSerial] = useState('');
  const [model, setModel] = useState('');
  const [band, setBand] = useState<Band>('DUAL');
  const [early, setEarly] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const refresh = useRefreshWorkOrder(woNumber);
  const beforeVisitDay = booked !== null && jakartaDateOf(new Date()) < booked.date;
  const report = useMutation({
    mutationFn: (body: { newOntSerial: string; newOntModel: string; band: Band; early: boolean }) =>
      must(
        api.POST('/v1/technician/work-orders/{woNumber}/ont-replacement', {
          params: { path: { woNumber } },
          body: {
            ...body,
            ...(session && session.displayName.length >= 2 ? { technician: session.displayName } : {}),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const newOntSerial = serial.trim().toUpperCase();
    const newOntModel = model.trim();
    if (!SERIAL.test(newOntSerial))
      return setInvalid('Nomor seri ONT terdiri dari 8–20 huruf kapital atau angka, tanpa spasi.');
    if (newOntModel.length < 2 || newOntModel.length > 60)
      return setInvalid('Tuliskan model ONT baru (2–60 karakter), misalnya ZTE F670L.');
    setInvalid(null);
    report.mutate({ newOntSerial, newOntModel, band, early });
  };
  return (
    <Card title="Laporkan penggantian ONT">
      <p className="small">
        Paket baru pelanggan membutuhkan ONT <strong>Dual Band</strong>. Setelah laporan diterima, data ONT
        diperbarui, tiket dan work order ditutup, dan pelanggan diberi tahu.
      </p>
      <form onSubmit={submit} className="stack-form" noValidate>
        <label className="field">
          <span>Nomor seri ONT baru</span>
          <input
            value={serial}
            onChange={(e) => setSerial(e.target.value)}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span>Model ONT baru</span>
          <input value={model} onChange={(e) => setModel(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>Jenis ONT</span>
          <select value={band} onChange={(e) => setBand(e.target.value as Band)}>
            <option value="DUAL">Dual Band</option>
            <option value="SINGLE">Single Band</option>
          </select>
        </label>
        {beforeVisitDay ? (
          <div className="notice notice-rule">
            <p>
              Kunjungan dijadwalkan pada <strong>{booked.label}</strong>. Laporan penggantian sebelum hari itu
              hanya diterima bila ONT memang sudah diganti lebih awal.
            </p>
            <label className="check">
              <input type="checkbox" checked={early} onChange={(e) => setEarly(e.target.checked)} />
              Diganti sebelum hari kunjungan
            </label>
          </div>
        ) : null}
        <ReportProblems invalid={invalid} error={report.error} />
        {report.isSuccess ? (
          <p className="notice notice-success" role="status">
            Penggantian ONT diterima. Upgrade pelanggan sedang diselesaikan.
          </p>
        ) : null}
        <button type="submit" className="button" disabled={report.isPending}>
          {report.isPending ? 'Mengirim…' : 'Laporkan penggantian ONT'}
        </button>
      </form>
    </Card>
  );
}
