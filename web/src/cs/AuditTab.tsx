import { CsTab } from './CsTab';
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
  return (
    <CsTab query={useAuditTrail(useCustomerIdParam())} label="Audit trail">
      {(trail) => (
        <CsTable
          empty="Belum ada tindakan customer service untuk pelanggan ini."
          columns={['Waktu', 'Petugas', 'Tindakan', 'Objek', 'Alasan', 'Hasil']}
          items={trail.entries}
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
      )}
    </CsTab>
  );
}
