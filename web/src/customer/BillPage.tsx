import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { $api, api, must } from '../api/client';
import { formatInstant, formatLongDate, formatRupiahWithSymbol } from '../lib/format';
import { Card, Facts, Loaded, Page } from '../ui/Page';
import { StatementFrame } from '../ui/StatementFrame';
import { BILL_STATUS_WORDS } from './billStatus';
import { PayBill } from './PayBill';

/** One bill: its facts, "Bayar" while it is unpaid (PayBill), the printable Billing Statement inside the app. */
export function BillPage() {
  const { billCode = '' } = useParams();
  const params = { params: { path: { billCode } } };
  const bill = $api.useQuery('get', '/v1/bills/{billCode}', params);
  // Read again when the bill's status changes (paid: the statement says so).
  const statement = useQuery({
    queryKey: ['statement', billCode, bill.data?.status],
    enabled: bill.isSuccess,
    queryFn: () => must(api.GET('/v1/bills/{billCode}/statement', { ...params, parseAs: 'text' })),
  });
  return (
    <Page title={`Tagihan ${billCode}`} back={{ to: '/bills', label: 'Semua tagihan' }}>
      <Loaded query={bill}>
        {(data) => (
          <>
            <Card>
              <Facts
                rows={[
                  ['Paket', data.packageName],
                  ['Total', formatRupiahWithSymbol(data.totalIdr)],
                  ['Status', BILL_STATUS_WORDS[data.status]],
                  ['Tanggal tagihan', formatLongDate(data.billingDate)],
                  ['Jatuh tempo', formatLongDate(data.dueDate)],
                  data.paidAt !== null && ['Dibayar', formatInstant(data.paidAt)],
                ]}
              />
              {data.status === 'UNPAID' ? <PayBill billCode={billCode} totalIdr={data.totalIdr} /> : null}
              {data.status === 'PAID' ? (
                <p className="notice notice-success" role="status">
                  Lunas. Pembayaran diterima, terima kasih!
                </p>
              ) : null}
            </Card>
            <Card title="Billing Statement">
              <StatementFrame statement={statement} billCode={billCode} className="statement" />
            </Card>
          </>
        )}
      </Loaded>
    </Page>
  );
}
