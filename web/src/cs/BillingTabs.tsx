import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, must } from '../api/client';
import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { ErrorNotice, Loading } from '../ui/Page';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useCsBills, useCsPayments } from './queries';

/** Billing: the deck's "Tagihan Customer", each bill opening its statement. */
export function BillingTab() {
  const customerId = useCustomerIdParam();
  const bills = useCsBills(customerId);
  const { billCode } = useParams();
  if (bills.isPending) return <Loading />;
  if (bills.isError) return <ErrorNotice error={bills.error} />;
  return (
    <section aria-label="Tagihan Customer">
      <h2>Tagihan Customer</h2>
      {bills.data.bills.length === 0 ? (
        <p>Belum ada tagihan.</p>
      ) : (
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">Bill Code</th>
              <th scope="col">Period</th>
              <th scope="col">Billing Date</th>
              <th scope="col">Package</th>
              <th scope="col">Bill Cycle</th>
              <th scope="col">Due Date</th>
              <th scope="col">Total Billing</th>
              <th scope="col">Payment Status</th>
              <th scope="col">Payment Amount</th>
              <th scope="col">Statement</th>
            </tr>
          </thead>
          <tbody>
            {bills.data.bills.map((bill) => (
              <tr key={bill.billCode} aria-current={bill.billCode === billCode ? 'true' : undefined}>
                <td>{bill.billCode}</td>
                <td>{bill.period}</td>
                <td>{formatBillingAppDate(bill.billingDate)}</td>
                <td>{bill.packageName}</td>
                <td>{bill.billCycle}</td>
                <td>{formatBillingAppDate(bill.dueDate)}</td>
                <td>{formatRupiah(bill.totalIdr)}</td>
                <td>{bill.status}</td>
                <td>{formatRupiah(bill.paidAmountIdr)}</td>
                <td>
                  <Link to={`/cs/customers/${customerId}/billing/${bill.billCode}`}>
                    Statement<span className="visually-hidden"> {bill.billCode}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {billCode ? <Statement billCode={billCode} /> : null}
    </section>
  );
}

/** The Billing Statement as the customer gets it, in a sandboxed frame (it needs the bearer token). */
function Statement({ billCode }: { billCode: string }) {
  const statement = useQuery({
    queryKey: ['cs-statement', billCode],
    queryFn: () =>
      must(api.GET('/v1/bills/{billCode}/statement', { params: { path: { billCode } }, parseAs: 'text' })),
  });
  return (
    <section aria-label={`Billing Statement ${billCode}`}>
      <h3>Billing Statement {billCode}</h3>
      {statement.isPending ? <Loading what="Memuat statement…" /> : null}
      {statement.isError ? <ErrorNotice error={statement.error} /> : null}
      {statement.data ? (
        <iframe
          className="statement cs-statement"
          title={`Billing Statement ${billCode}`}
          sandbox="allow-scripts"
          srcDoc={statement.data}
        />
      ) : null}
    </section>
  );
}

/** Payment: Riwayat Pembayaran, as the gateway recorded it. */
export function PaymentTab() {
  const payments = useCsPayments(useCustomerIdParam());
  if (payments.isPending) return <Loading />;
  if (payments.isError) return <ErrorNotice error={payments.error} />;
  return (
    <section aria-label="Payment">
      <h2>Payment</h2>
      {payments.data.payments.length === 0 ? (
        <p>Belum ada pembayaran.</p>
      ) : (
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">Tanggal</th>
              <th scope="col">Bill Code</th>
              <th scope="col">Keterangan</th>
              <th scope="col">Metode</th>
              <th scope="col">Referensi</th>
              <th scope="col">Jumlah</th>
            </tr>
          </thead>
          <tbody>
            {payments.data.payments.map((p) => (
              <tr key={p.id}>
                <td>{formatCrmInstant(p.paidAt)}</td>
                <td>{p.billCode ?? '—'}</td>
                <td>{p.description}</td>
                <td>{p.method}</td>
                <td>{p.reference}</td>
                <td>{formatRupiah(p.amountIdr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
