import { Link } from 'react-router';
import { formatLongDate, formatRupiahWithSymbol } from '../lib/format';
import { ErrorNotice, Loading, Page } from '../ui/Page';
import { BILL_STATUS_WORDS } from './billStatus';
import { useBills } from './queries';

/** Tagihan: the customer's bills, newest first, each with status and due date. */
export function BillsPage() {
  const bills = useBills();
  return (
    <Page title="Tagihan">
      {bills.isPending ? <Loading /> : null}
      {bills.isError ? <ErrorNotice error={bills.error} /> : null}
      {bills.data && bills.data.bills.length === 0 ? <p>Belum ada tagihan.</p> : null}
      <ul className="bill-list">
        {bills.data?.bills.map((bill) => (
          <li key={bill.billCode}>
            <Link className="bill-card" to={`/bills/${bill.billCode}`}>
              <span className="bill-code">Tagihan {bill.billCode}</span>
              <span>{bill.packageName}</span>
              <span className="bill-amount">{formatRupiahWithSymbol(bill.totalIdr)}</span>
              <span className={`status status-${bill.status.toLowerCase()}`}>
                {BILL_STATUS_WORDS[bill.status]} ({bill.status})
              </span>
              <span className="small">Jatuh tempo {formatLongDate(bill.dueDate)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
