import { useState } from 'react';
import type { Schemas } from '../api/client';
import { ActionForm } from './ActionForm';
import { CsListTab } from './CsTab';
import type { CsList } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { postAction } from './postAction';
import { useCsNotices } from './queries';

type Notice = Schemas['CsNotice'];

const STATUS_WORDS = { DELIVERED: 'Terkirim', FAILED: 'Tidak terkirim', PENDING: 'Belum terkirim' } as const;

const NOTICES: CsList<Notice> = {
  columns: {
    Dibuat: (n) => formatCrmInstant(n.createdAt),
    Jenis: (n) => n.kind,
    Kanal: (n) => n.channel,
    Judul: (n) => n.title,
    Status: (n) => (
      <span className={`cs-status cs-status-${n.status.toLowerCase()}`}>{STATUS_WORDS[n.status]}</span>
    ),
    Keterangan: (n) => <Delivery notice={n} />,
  },
  rowKey: (n) => n.id,
  empty: 'Belum ada notifikasi.',
};

/** Notices: every notice on every channel, delivered or not (with why), and "send again". */
export function NoticesTab() {
  const notices = useCsNotices(useCustomerIdParam());
  return <CsListTab query={notices} label="Notifikasi" items="notices" table={NOTICES} />;
}

/** When the notice was delivered, or why not and "send again". */
function Delivery({ notice: n }: { notice: Notice }) {
  // Kept once shown, so what the resend did stays on screen after the notice was delivered.
  const [resendable] = useState(() => n.status !== 'DELIVERED');
  return (
    <>
      {n.status === 'DELIVERED'
        ? formatCrmInstant(n.deliveredAt)
        : (n.failureReason ?? 'Menunggu pengiriman')}
      {resendable ? (
        <ActionForm
          title={`Kirim ulang ${n.kind} lewat ${n.channel}`}
          submitLabel="Kirim ulang"
          perform={(reason, key) =>
            postAction('/v1/cs/notices/{notificationId}/resend', { notificationId: String(n.id) }, key, {
              reason,
            })
          }
          describe={(answer) =>
            answer.notice.status === 'DELIVERED'
              ? 'Notifikasi terkirim ulang.'
              : `Notifikasi tetap tidak terkirim: ${answer.notice.failureReason ?? ''}`
          }
        />
      ) : null}
    </>
  );
}
