import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import { formatLongDate, formatRupiah } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { READS, useCustomerId, useHome, usePackage } from './queries';

/** Upgrade Package: the bill exactly as the statement will show it, the ONT warning, then confirm. */
export function UpgradePage() {
  const { code = '' } = useParams();
  const customerId = useCustomerId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = usePackage(code);
  const home = useHome();
  const quote = useQuery({
    queryKey: ['quote', customerId, code],
    queryFn: () =>
      must(
        api.POST('/v1/customers/{customerId}/upgrade-quotes', {
          params: { path: { customerId } },
          body: { targetPackageCode: code },
        }),
      ),
    staleTime: 0,
  });
  // One key for this confirmation, however many times it is sent.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const sending = useRef(false);
  const confirm = useMutation({
    mutationFn: () =>
      must(
        api.POST('/v1/customers/{customerId}/upgrades', {
          params: { path: { customerId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { targetPackageCode: code },
        }),
      ),
    onSuccess: async (accepted) => {
      await queryClient.invalidateQueries({ queryKey: READS.home });
      navigate(`/upgrades/${accepted.upgradeId}`);
    },
    onSettled: () => {
      sending.current = false;
    },
  });
  const onConfirm = () => {
    if (sending.current) return;
    sending.current = true;
    confirm.mutate();
  };
  const needsSwap = target.data?.requiresDualBand === true && home.data?.device?.band === 'SINGLE';
  const inFlight =
    confirm.error instanceof ApiProblem && confirm.error.reason === 'UPGRADE_IN_PROGRESS'
      ? confirm.error.problem.upgradeId
      : null;
  return (
    <Page title="Konfirmasi Upgrade" back={{ to: `/packages/${code}`, label: 'Detail paket' }}>
      {quote.isPending ? <Loading what="Menghitung tagihan…" /> : null}
      {quote.isError ? <ErrorNotice error={quote.error} /> : null}
      {quote.data ? (
        <>
          <p>
            Upgrade ke <strong>{quote.data.packageName}</strong>. Tagihan berikut akan diterbitkan:
          </p>
          <Card title="Tagihan">
            <Facts
              rows={[
                ['Bulan tagihan', quote.data.billingMonth.label],
                ['Tanggal tagihan', formatLongDate(quote.data.billingDate)],
                ['Jatuh tempo', formatLongDate(quote.data.dueDate)],
              ]}
            />
            <table className="bill-lines">
              <caption className="visually-hidden">Rincian tagihan (Rp)</caption>
              <tbody>
                {quote.data.lines.map((line) => (
                  <tr key={line.label}>
                    <th scope="row">{line.label}</th>
                    <td>{formatRupiah(line.amountIdr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="bill-totals">
              <caption className="visually-hidden">Total tagihan (Rp)</caption>
              <tbody>
                <tr>
                  <th scope="row">Actual Tagihan</th>
                  <td>{formatRupiah(quote.data.actualChargeIdr)}</td>
                </tr>
                <tr>
                  <th scope="row">Penyesuaian Tagihan</th>
                  <td>{formatRupiah(quote.data.adjustmentIdr)}</td>
                </tr>
                <tr className="total">
                  <th scope="row">TOTAL TAGIHAN</th>
                  <td>Rp {formatRupiah(quote.data.totalIdr)}</td>
                </tr>
              </tbody>
            </table>
            <p className="terbilang">
              <span className="small">Terbilang:</span> <em>{quote.data.amountInWords}</em>
            </p>
            <p className="small">Sudah termasuk PPN {quote.data.vatRatePercent} %.</p>
          </Card>
          {needsSwap ? (
            <Card title="ONT kamu perlu diganti" tone="warning">
              <p>
                Perangkat ONT kamu masih Single Band, sementara {quote.data.packageName} memerlukan ONT Dual
                Band. Setelah upgrade, teknisi kami akan menjadwalkan penggantian ONT di lokasimu tanpa biaya
                tambahan.
              </p>
            </Card>
          ) : null}
          {confirm.isError ? <ErrorNotice error={confirm.error} /> : null}
          {inFlight ? (
            <p>
              <Link to={`/upgrades/${inFlight}`}>Lihat upgrade yang sedang berjalan</Link>
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={onConfirm}
            disabled={confirm.isPending || confirm.isSuccess}
          >
            {confirm.isPending ? 'Memproses…' : 'Konfirmasi Upgrade'}
          </button>
        </>
      ) : null}
    </Page>
  );
}
