import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, must } from '../api/client';
import { formatInstant, formatLongDate, formatRupiahWithSymbol } from '../lib/format';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { BILL_STATUS_WORDS } from './billStatus';
import { useCustomerId, useDevelopmentTools } from './queries';

/** One bill: its facts, the printable Billing Statement inside the app, and (development) "pay". */
export function BillPage() {
  const { billCode = '' } = useParams();
  const customerId = useCustomerId();
  const queryClient = useQueryClient();
  const development = useDevelopmentTools();
  const params = { params: { path: { billCode } } };
  const bill = useQuery({
    queryKey: ['bill', billCode],
    queryFn: () => must(api.GET('/v1/bills/{billCode}', params)),
  });
  // The statement needs the bearer token, so it is fetched and shown in a sandboxed frame of its own
  // (an opaque origin; the app's CSP, which the frame inherits, lets no inline script run in it).
  const statement = useQuery({
    queryKey: ['statement', billCode, bill.data?.status],
    enabled: bill.isSuccess,
    queryFn: () => must(api.GET('/v1/bills/{billCode}/statement', { ...params, parseAs: 'text' })),
  });
  const pay = useMutation({
    mutationFn: () =>
      must(api.POST('/v1/dev/bills/{billCode}/pay', { ...params, body: { method: 'VA_BCA' } })),
    onSuccess: () => {
      for (const key of [
        ['bill', billCode],
        ['bills', customerId],
        ['payments', customerId],
        ['home', customerId],
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
  return (
    <Page title={`Tagihan ${billCode}`} back={{ to: '/bills', label: 'Semua tagihan' }}>
      {bill.isPending ? <Loading /> : null}
      {bill.isError ? <ErrorNotice error={bill.error} /> : null}
      {bill.data ? (
        <>
          <Card>
            <Facts
              rows={[
                ['Paket', bill.data.packageName],
                ['Total', formatRupiahWithSymbol(bill.data.totalIdr)],
                ['Status', `${BILL_STATUS_WORDS[bill.data.status]} (${bill.data.status})`],
                ['Tanggal tagihan', formatLongDate(bill.data.billingDate)],
                ['Jatuh tempo', formatLongDate(bill.data.dueDate)],
                bill.data.paidAt !== null && ['Dibayar', formatInstant(bill.data.paidAt)],
              ]}
            />
            {development && bill.data.status === 'UNPAID' ? (
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
            {statement.isPending ? <Loading what="Memuat statement…" /> : null}
            {statement.isError ? <ErrorNotice error={statement.error} /> : null}
            {statement.data ? (
              <iframe
                className="statement"
                title={`Billing Statement ${billCode}`}
                sandbox="allow-scripts"
                srcDoc={statement.data}
              />
            ) : null}
          </Card>
        </>
      ) : null}
    </Page>
  );
}
