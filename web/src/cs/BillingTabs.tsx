import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, must } from '../api/client';
import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { ErrorNotice, Loading } from '../ui/Page';
import { CsTable } from './CsTable';
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
      <CsTable
        empty="Belum ada tagihan."
        columns={[
          'Bill Code',
          'Period',
          'Billing Date',
          'Package',
          'Bill Cycle',
          'Due Date',
          'Total Billing',
          'Payment Status',
          'Payment Amount',
          'Statement',
        ]}
        items={bills.data.bills}
        rowKey={(bill) => bill.billCode}
        current={(bill) => bill.billCode === billCode}
        cells={(bill) => [
          bill.billCode,
          bill.period,
          formatBillingAppDate(bill.billingDate),
          bill.packageName,
          bill.billCycle,
          formatBillingAppDate(bill.dueDate),
          formatRupiah(bill.totalIdr),
          bill.status,
          formatRupiah(bill.paidAmountIdr),
          <Link key="statement" to={`/cs/customers/${customerId}/billing/${bill.billCode}`}>
            Statement<span className="visually-hidden"> {bill.billCode}</span>
          </Link>,
        ]}
      />
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
      <CsTable
        empty="Belum ada pembayaran."
        columns={['Tanggal', 'Bill Code', 'Keterangan', 'Metode', 'Referensi', 'Jumlah']}
        items={payments.data.payments}
        rowKey={(p) => p.id}
        cells={(p) => [
          formatCrmInstant(p.paidAt),
          p.billCode ?? '—',
          p.description,
          p.method,
          p.reference,
          formatRupiah(p.amountIdr),
        ]}
      />
    </section>
  );
}
