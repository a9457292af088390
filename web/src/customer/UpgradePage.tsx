import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';
import { formatLongDate, formatRupiah } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { READS, useCustomerId, useHome, usePackage } from './queries';

type Quote = Schemas['UpgradeQuoteView'];

/**
 * Upgrade Package: the bill it will issue, explained in Bahasa (the new price, the credit for the
 * old package's unused months, the rounding, PPN, the total and its words), the ONT warning, then
 * confirm (kept in view above the tab bar). The statement keeps the Billing App's own lines.
 */
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
      void queryClient.invalidateQueries({ queryKey: READS.upgradeOptions });
      // The quote is done with: Back from the progress screen goes to the package, not to a quote
      // of the package now bought.
      navigate(`/upgrades/${accepted.upgradeId}`, { replace: true });
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
            <QuoteLines quote={quote.data} />
            <p className="terbilang">
              <span className="small">Terbilang:</span> <em>{quote.data.amountInWords}</em>
            </p>
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
          <div className="sticky-action">
            <button
              type="button"
              className="button"
              onClick={onConfirm}
              disabled={confirm.isPending || confirm.isSuccess}
            >
              {confirm.isPending ? 'Memproses…' : 'Konfirmasi Upgrade'}
            </button>
          </div>
        </>
      ) : null}
    </Page>
  );
}

/** The bill's lines in words: price − credit = difference, ± rounding = total; PPN within it. */
function QuoteLines({ quote }: { quote: Quote }) {
  const { credit } = quote;
  type Row = [label: string, amount: string, note?: string];
  const lines: Array<Row | null> = [
    [`Harga ${quote.packageName}`, formatRupiah(quote.actualChargeIdr)],
    [
      `Sisa ${credit.unusedMonths} bulan ${credit.packageName}`,
      `−${formatRupiah(quote.adjustmentIdr)}`,
      `${formatRupiah(credit.priceIdr)} × ${credit.unusedMonths}/${credit.termMonths}: bulan yang belum berjalan dari paketmu sekarang`,
    ],
    ['Selisih', formatRupiah(quote.differenceIdr)],
    quote.roundingIdr === 0
      ? null
      : [
          'Pembulatan',
          `${quote.roundingIdr > 0 ? '+' : '−'}${formatRupiah(Math.abs(quote.roundingIdr))}`,
          'ke Rp 100 terdekat',
        ],
  ];
  const rows = lines.filter((row): row is Row => row !== null);
  return (
    <>
      <table className="bill-lines">
        <caption className="visually-hidden">Rincian tagihan (Rp)</caption>
        <tbody>
          {rows.map(([label, amount, note]) => (
            <tr key={label}>
              <th scope="row">
                {label}
                {note ? <span className="line-note">{note}</span> : null}
              </th>
              <td>{amount}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Total tagihan</th>
            <td>Rp {formatRupiah(quote.totalIdr)}</td>
          </tr>
        </tbody>
      </table>
      <table className="bill-totals">
        <caption>Sudah termasuk PPN (Rp)</caption>
        <tbody>
          <tr>
            <th scope="row">Harga sebelum PPN</th>
            <td>{formatRupiah(quote.baseIdr)}</td>
          </tr>
          <tr>
            <th scope="row">PPN {quote.vatRatePercent}%</th>
            <td>{formatRupiah(quote.vatIdr)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
