import { Link } from 'react-router';
import { formatLongDate, formatRupiahWithSymbol } from '../lib/format';
import { LoadedList, Page } from '../ui/Page';
import { BILL_STATUS_WORDS } from './billStatus';
import { useBills } from './queries';

/** Tagihan: the customer's bills, newest first, each with status and due date. */
export function BillsPage() {
  return (
    <Page title="Tagihan">
      <LoadedList query={useBills()} items="bills" empty="Belum ada tagihan." className="bill-list">
        {(bill) => (
          <li key={bill.billCode}>
            <Link className="bill-card" to={`/bills/${bill.billCode}`}>
              <span className="bill-code">Tagihan {bill.billCode}</span>
              <span>{bill.packageName}</span>
              <span className="bill-amount">{formatRupiahWithSymbol(bill.totalIdr)}</span>
              <span className={`status status-${bill.status.toLowerCase()}`}>
                {BILL_STATUS_WORDS[bill.status]}
              </span>
              <span className="small">Jatuh tempo {formatLongDate(bill.dueDate)}</span>
            </Link>
          </li>
        )}
      </LoadedList>
    </Page>
  );
}
