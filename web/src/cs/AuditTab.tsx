import type { Schemas } from '../api/client';
import { CsListTab } from './CsTab';
import type { CsList } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useAuditTrail } from './queries';

export const ACTION_WORDS = {
  CANCEL_UPGRADE: 'Batalkan upgrade',
  BOOK_VISIT: 'Jadwalkan/pindah kunjungan',
  RESEND_NOTICE: 'Kirim ulang notifikasi',
  NOTE_TICKET: 'Catatan tiket',
} as const;

const TRAIL: CsList<Schemas['CsAuditEntry']> = {
  columns: {
    Waktu: (e) => formatCrmInstant(e.at),
    Petugas: (e) => e.operator,
    Tindakan: (e) => ACTION_WORDS[e.action],
    Objek: (e) => e.subject,
    Alasan: (e) => e.reason,
    Hasil: (e) => e.outcome,
  },
  rowKey: (e) => e.id,
  empty: 'Belum ada tindakan customer service untuk pelanggan ini.',
};

/** Audit: what customer service did for the customer (who, when, what, why, what came of it). */
export function AuditTab() {
  const trail = useAuditTrail(useCustomerIdParam());
  return <CsListTab query={trail} label="Audit trail" items="entries" table={TRAIL} />;
}
