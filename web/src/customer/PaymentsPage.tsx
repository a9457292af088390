import { Link } from 'react-router';
import { formatInstant, formatRupiahWithSymbol } from '../lib/format';
import { LoadedList, Page } from '../ui/Page';
import { usePayments } from './queries';

/** Riwayat Pembayaran: the payments, newest first. */
export function PaymentsPage() {
  return (
    <Page title="Riwayat Pembayaran">
      <LoadedList
        query={usePayments()}
        items="payments"
        empty="Belum ada pembayaran."
        className="payment-list"
      >
        {(p) => (
          <li key={p.id} className="payment">
            <span className="bill-amount">{formatRupiahWithSymbol(p.amountIdr)}</span>
            <span>{p.description}</span>
            <span className="small">
              {formatInstant(p.paidAt)} · {p.methodLabel} · Ref. {p.reference}
            </span>
            {p.billCode ? <Link to={`/bills/${p.billCode}`}>Lihat tagihan {p.billCode}</Link> : null}
          </li>
        )}
      </LoadedList>
    </Page>
  );
}
