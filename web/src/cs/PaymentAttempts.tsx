import { $api, type Schemas } from '../api/client';
import { formatRupiah } from '../lib/format';
import { type CsList, CsTable } from './CsTable';
import { formatCrmInstant } from './format';
import { useCsBills } from './queries';

const STATUS_WORDS = {
  PENDING: 'Menunggu pembayaran',
  PAID: 'Dibayar',
  EXPIRED: 'Kedaluwarsa',
  CANCELLED: 'Dibatalkan',
  DENIED: 'Ditolak',
} as const;

const ATTEMPTS: CsList<Schemas['PaymentAttemptView']> = {
  columns: {
    'Order ID': (a) => a.orderId,
    Metode: (a) => a.methodLabel,
    Nomor: (a) => a.vaNumber ?? (a.billKey ? `${a.billerCode} / ${a.billKey}` : a.qrString ? 'QRIS' : '—'),
    Jumlah: (a) => formatRupiah(a.amountIdr),
    Status: (a) => STATUS_WORDS[a.status],
    Dibuat: (a) => formatCrmInstant(a.createdAt),
    'Batas bayar': (a) => formatCrmInstant(a.expiresAt),
    Selesai: (a) => (a.closedAt ? formatCrmInstant(a.closedAt) : '—'),
  },
  rowKey: (a) => a.orderId,
  empty: 'Belum ada percobaan pembayaran.',
};

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
      <CsTable items={attempts.data.attempts} label={`Percobaan bayar tagihan ${billCode}`} {...ATTEMPTS} />
    </>
  );
}
