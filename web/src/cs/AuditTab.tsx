import { ErrorNotice, Loading } from '../ui/Page';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useAuditTrail } from './queries';

export const ACTION_WORDS = {
  CANCEL_UPGRADE: 'Batalkan upgrade',
  BOOK_VISIT: 'Jadwalkan/pindah kunjungan',
  RESEND_NOTICE: 'Kirim ulang notifikasi',
  NOTE_TICKET: 'Catatan tiket',
} as const;

/** Audit: what customer service did for the customer (who, when, what, why, what came of it). */
export function AuditTab() {
  const trail = useAuditTrail(useCustomerIdParam());
  if (trail.isPending) return <Loading />;
  if (trail.isError) return <ErrorNotice error={trail.error} />;
  return (
    <section aria-label="Audit trail">
      <h2>Audit trail</h2>
      {trail.data.entries.length === 0 ? (
        <p>Belum ada tindakan customer service untuk pelanggan ini.</p>
      ) : (
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">Waktu</th>
              <th scope="col">Petugas</th>
              <th scope="col">Tindakan</th>
              <th scope="col">Objek</th>
              <th scope="col">Alasan</th>
              <th scope="col">Hasil</th>
            </tr>
          </thead>
          <tbody>
            {trail.data.entries.map((e) => (
              <tr key={e.id}>
                <td>{formatCrmInstant(e.at)}</td>
                <td>{e.operator}</td>
                <td>{ACTION_WORDS[e.action]}</td>
                <td>{e.subject}</td>
                <td>{e.reason}</td>
                <td>{e.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
