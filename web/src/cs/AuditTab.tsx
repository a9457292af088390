import { ErrorNotice, Loading } from '../ui/Page';
import { CsTable } from './CsTable';
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
      <CsTable
        empty="Belum ada tindakan customer service untuk pelanggan ini."
        columns={['Waktu', 'Petugas', 'Tindakan', 'Objek', 'Alasan', 'Hasil']}
        items={trail.data.entries}
        rowKey={(e) => e.id}
        cells={(e) => [
          formatCrmInstant(e.at),
          e.operator,
          ACTION_WORDS[e.action],
          e.subject,
          e.reason,
          e.outcome,
        ]}
      />
    </section>
  );
}
