import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { $api, api, must } from '../api/client';
import { formatInstant, formatLongDate, formatRupiahWithSymbol } from '../lib/format';
import { Card, ErrorNotice, Facts, Loaded, Page } from '../ui/Page';
import { StatementFrame } from '../ui/StatementFrame';
import { BILL_STATUS_WORDS } from './billStatus';
import { READS, useDevelopmentTools } from './queries';

/** One bill: its facts, the printable Billing Statement inside the app, and (development) "pay". */
export function BillPage() {
  const { billCode = '' } = useParams();
  const queryClient = useQueryClient();
  const development = useDevelopmentTools();
  const params = { params: { path: { billCode } } };
  const bill = $api.useQuery('get', '/v1/bills/{billCode}', params);
  // Read again when the bill's status changes (paid: the statement says so).
  const statement = useQuery({
    queryKey: ['statement', billCode, bill.data?.status],
    enabled: bill.isSuccess,
    queryFn: () => must(api.GET('/v1/bills/{billCode}/statement', { ...params, parseAs: 'text' })),
  });
  const pay = useMutation({
    mutationFn: () =>
      must(api.POST('/v1/dev/bills/{billCode}/pay', { ...params, body: { method: 'VA_BCA' } })),
    onSuccess: () => {
      for (const key of [READS.bill, READS.bills, READS.payments, READS.home]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
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
                  ['Status', `${BILL_STATUS_WORDS[data.status]} (${data.status})`],
                  ['Tanggal tagihan', formatLongDate(data.billingDate)],
                  ['Jatuh tempo', formatLongDate(data.dueDate)],
                  data.paidAt !== null && ['Dibayar', formatInstant(data.paidAt)],
                ]}
              />
              {development && data.status === 'UNPAID' ? (
                <>
                  <button
                    type="button"
                    className="button"
                    onClick={() => pay.mutate()}
                    disabled={pay.isPending}
                  >
                    {pay.isPending ? 'Memproses pembayaran…' : 'Bayar (simulasi)'}
                  </button>
                  <p className="small">
                    Pengembangan: membayar lewat notifikasi gateway pembayaran yang ditandatangani, seperti{' '}
                    <code>npm run pay</code>.
                  </p>
                </>
              ) : null}
              {pay.isError ? <ErrorNotice error={pay.error} /> : null}
              {pay.isSuccess ? (
                <p className="notice notice-success" role="status">
                  Pembayaran diterima. Terima kasih!
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
