import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, must } from '../api/client';
import { formatInstant, formatRupiahWithSymbol } from '../lib/format';
import { ErrorNotice, Loading, Page } from '../ui/Page';
import { useCustomerId } from './queries';

/** Riwayat Pembayaran: the payments, newest first. */
export function PaymentsPage() {
  const customerId = useCustomerId();
  const payments = useQuery({
    queryKey: ['payments', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/customers/{customerId}/payments', {
          params: { path: { customerId }, query: { pageSize: 50 } },
        }),
      ),
  });
  return (
    <Page title="Riwayat Pembayaran">
      {payments.isPending ? <Loading /> : null}
      {payments.isError ? <ErrorNotice error={payments.error} /> : null}
      {payments.data && payments.data.payments.length === 0 ? <p>Belum ada pembayaran.</p> : null}
      <ul className="payment-list">
        {payments.data?.payments.map((p) => (
          <li key={p.id} className="payment">
            <span className="bill-amount">{formatRupiahWithSymbol(p.amountIdr)}</span>
            <span>{p.description}</span>
            <span className="small">
              {formatInstant(p.paidAt)} · {p.methodLabel} · Ref. {p.reference}
            </span>
            {p.billCode ? <Link to={`/bills/${p.billCode}`}>Lihat tagihan {p.billCode}</Link> : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}
