import { useState } from 'react';
import { api, must, type Schemas } from '../api/client';
import { ActionForm } from './ActionForm';
import { CsTab } from './CsTab';
import { CsTable } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useCsNotices } from './queries';

const STATUS_WORDS = { DELIVERED: 'Terkirim', FAILED: 'Tidak terkirim', PENDING: 'Belum terkirim' } as const;

/** Notices: every notice on every channel, delivered or not (with why), and "send again". */
export function NoticesTab() {
  return (
    <CsTab query={useCsNotices(useCustomerIdParam())} label="Notifikasi">
      {(data) => (
        <CsTable
          empty="Belum ada notifikasi."
          columns={['Dibuat', 'Jenis', 'Kanal', 'Judul', 'Status', 'Keterangan']}
          items={data.notices}
          rowKey={(n) => n.id}
          row={(n) => <NoticeRow notice={n} />}
        />
      )}
    </CsTab>
  );
}

function NoticeRow({ notice: n }: { notice: Schemas['CsNotice'] }) {
  // Kept once shown, so what the resend did stays on screen after the notice was delivered.
  const [resendable] = useState(() => n.status !== 'DELIVERED');
  return (
    <tr>
      <td>{formatCrmInstant(n.createdAt)}</td>
      <td>{n.kind}</td>
      <td>{n.channel}</td>
      <td>{n.title}</td>
      <td>
        <span className={`cs-status cs-status-${n.status.toLowerCase()}`}>{STATUS_WORDS[n.status]}</span>
      </td>
      <td>
        {n.status === 'DELIVERED'
          ? formatCrmInstant(n.deliveredAt)
          : (n.failureReason ?? 'Menunggu pengiriman')}
        {resendable ? (
          <ActionForm
            title={`Kirim ulang ${n.kind} lewat ${n.channel}`}
            submitLabel="Kirim ulang"
            perform={(reason, key) =>
              must(
                api.POST('/v1/cs/notices/{notificationId}/resend', {
                  params: { path: { notificationId: String(n.id) }, header: { 'Idempotency-Key': key } },
                  body: { reason },
                }),
              )
            }
            describe={(answer) =>
              answer.notice.status === 'DELIVERED'
                ? 'Notifikasi terkirim ulang.'
                : `Notifikasi tetap tidak terkirim: ${answer.notice.failureReason ?? ''}`
            }
          />
        ) : null}
      </td>
    </tr>
  );
}
