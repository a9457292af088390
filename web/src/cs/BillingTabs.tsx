import { Link, useParams } from 'react-router';
import { $api } from '../api/client';
import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { StatementFrame } from '../ui/StatementFrame';
import { CsTab } from './CsTab';
import { CsTable } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { PaymentAttempts } from './PaymentAttempts';
import { useCsBills, useCsPayments } from './queries';

/** Billing: the deck's "Tagihan Customer", each bill opening its statement. */
export function BillingTab() {
  const customerId = useCustomerIdParam();
  const bills = useCsBills(customerId);
  const { billCode } = useParams();
  return (
    <CsTab query={bills} label="Tagihan Customer">
      {(data) => (
        <>
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
            items={data.bills}
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
                Statement
                <span className="visually-hidden"> {bill.billCode}</span>
              </Link>,
            ]}
          />
          {billCode ? <Statement billCode={billCode} /> : null}
        </>
      )}
    </CsTab>
  );
}

/** The Billing Statement as the customer gets it, in a sandboxed frame (it needs the bearer token). */
function Statement({ billCode }: { billCode: string }) {
  const statement = $api.useQuery('get', '/v1/bills/{billCode}/statement', {
    params: { path: { billCode } },
    parseAs: 'text',
  });
  return (
    <section aria-label={`Billing Statement ${billCode}`}>
      <h3>Billing Statement {billCode}</h3>
      <StatementFrame statement={statement} billCode={billCode} className="statement cs-statement" />
    </section>
  );
}

/** Payment: Riwayat Pembayaran, as the gateway recorded it, then each bill's payment attempts. */
export function PaymentTab() {
  const customerId = useCustomerIdParam();
  return (
    <CsTab query={useCsPayments(customerId)} label="Payment">
      {(data) => (
        <>
          <CsTable
            empty="Belum ada pembayaran."
            columns={['Tanggal', 'Bill Code', 'Keterangan', 'Metode', 'Referensi', 'Jumlah']}
            items={data.payments}
            rowKey={(p) => p.id}
            cells={(p) => [
              formatCrmInstant(p.paidAt),
              p.billCode ?? '—',
              p.description,
              p.methodLabel,
              p.reference,
              formatRupiah(p.amountIdr),
            ]}
          />
          <PaymentAttempts customerId={customerId} />
        </>
      )}
    </CsTab>
  );
}
