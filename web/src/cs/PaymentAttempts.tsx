import { $api } from '../api/client';
import { formatRupiah } from '../lib/format';
import { CsTable } from './CsTable';
import { formatCrmInstant } from './format';
import { useCsBills } from './queries';

const STATUS_WORDS = {
  PENDING: 'Menunggu pembayaran',
  PAID: 'Dibayar',
  EXPIRED: 'Kedaluwarsa',
  CANCELLED: 'Dibatalkan',
  DENIED: 'Ditolak',
} as const;

/** The Payment tab's payment attempts: per bill, each order opened at the gateway (Midtrans). */
export function PaymentAttempts({ customerId }: { customerId: string }) {
  const bills = useCsBills(customerId);
  const list = bills.data?.bills ?? [];
  if (list.length === 0) return null;
  return (
    <section aria-label="Percobaan pembayaran">
      <h3>Percobaan pembayaran (Midtrans)</h3>
      {list.map((bill) => (
        <BillAttempts key={bill.billCode} billCode={bill.billCode} />
      ))}
    </section>
  );
}

function BillAttempts({ billCode }: { billCode: string }) {
  const attempts = $api.useQuery('get', '/v1/bills/{billCode}/payment-attempts', {
    params: { path: { billCode } },
  });
  if (!attempts.data) return null;
  return (
    <>
      <h4>Tagihan {billCode}</h4>
      <CsTable
        empty="Belum ada percobaan pembayaran."
        columns={['Order ID', 'Metode', 'Nomor', 'Jumlah', 'Status', 'Dibuat', 'Batas bayar', 'Selesai']}
        items={attempts.data.attempts}
        rowKey={(a) => a.orderId}
        cells={(a) => [
          a.orderId,
          a.methodLabel,
          a.vaNumber ?? (a.billKey ? `${a.billerCode} / ${a.billKey}` : a.qrString ? 'QRIS' : '—'),
          formatRupiah(a.amountIdr),
          STATUS_WORDS[a.status],
          formatCrmInstant(a.createdAt),
          formatCrmInstant(a.expiresAt),
          a.closedAt ? formatCrmInstant(a.closedAt) : '—',
        ]}
      />
    </>
  );
}
