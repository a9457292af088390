import { Link, useParams } from 'react-router';
import { $api, type Schemas } from '../api/client';
import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { StatementFrame } from '../ui/StatementFrame';
import { CsListTab } from './CsTab';
import type { CsList } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { PaymentAttempts } from './PaymentAttempts';
import { useCsBills, useCsPayments } from './queries';

const BILLS: CsList<Schemas['BillView']> = {
  columns: {
    'Bill Code': (bill) => bill.billCode,
    Period: (bill) => bill.period,
    'Billing Date': (bill) => formatBillingAppDate(bill.billingDate),
    Package: (bill) => bill.packageName,
    'Bill Cycle': (bill) => bill.billCycle,
    'Due Date': (bill) => formatBillingAppDate(bill.dueDate),
    'Total Billing': (bill) => formatRupiah(bill.totalIdr),
    'Payment Status': (bill) => bill.status,
    'Payment Amount': (bill) => formatRupiah(bill.paidAmountIdr),
    Statement: (bill) => <StatementLink billCode={bill.billCode} />,
  },
  rowKey: (bill) => bill.billCode,
  empty: 'Belum ada tagihan.',
};

/** Billing: the deck's "Tagihan Customer", each bill opening its statement (its row marked while open). */
export function BillingTab() {
  const { billCode } = useParams();
  return (
    <CsListTab
      query={useCsBills(useCustomerIdParam())}
      label="Tagihan Customer"
      items="bills"
      table={{ ...BILLS, current: (bill) => bill.billCode === billCode }}
    >
      {() => (billCode ? <Statement billCode={billCode} /> : null)}
    </CsListTab>
  );
}

function StatementLink({ billCode }: { billCode: string }) {
  return (
    <Link to={`/cs/customers/${useCustomerIdParam()}/billing/${billCode}`}>
      Statement
      <span className="visually-hidden"> {billCode}</span>
    </Link>
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

const PAYMENTS: CsList<Schemas['PaymentView']> = {
  columns: {
    Tanggal: (p) => formatCrmInstant(p.paidAt),
    'Bill Code': (p) => p.billCode ?? '—',
    Keterangan: (p) => p.description,
    Metode: (p) => p.methodLabel,
    Referensi: (p) => p.reference,
    Jumlah: (p) => formatRupiah(p.amountIdr),
  },
  rowKey: (p) => p.id,
  empty: 'Belum ada pembayaran.',
};

/** Payment: Riwayat Pembayaran, as the gateway recorded it, then each bill's payment attempts. */
export function PaymentTab() {
  const customerId = useCustomerIdParam();
  return (
    <CsListTab query={useCsPayments(customerId)} label="Payment" items="payments" table={PAYMENTS}>
      {() => <PaymentAttempts customerId={customerId} />}
    </CsListTab>
  );
}
