import { useMutation, useQueryClient } from '@tanstack/react-query';
import qrcode from 'qrcode-generator';
import { useEffect, useMemo, useState } from 'react';
import { $api, api, must, type Schemas } from '../api/client';
import { formatInstant, formatRupiahWithSymbol } from '../lib/format';
import { ErrorNotice } from '../ui/Page';
import { PAYMENT_STEPS, type PayMethod } from './paymentSteps';
import { READS, useCustomerId, useDevelopmentTools } from './queries';

type Attempt = Schemas['PaymentAttemptView'];

const METHOD_WORDS: Record<PayMethod, string> = {
  VA_BCA: 'Virtual Account BCA',
  VA_BNI: 'Virtual Account BNI',
  VA_BRI: 'Virtual Account BRI (BRIVA)',
  VA_PERMATA: 'Virtual Account Permata',
  VA_MANDIRI: 'Mandiri Bill (Livin’ by Mandiri, ATM Mandiri)',
  QRIS: 'QRIS (GoPay, OVO, DANA, ShopeePay, m-banking)',
};

/**
 * Paying an unpaid bill: "Bayar" → a method → its VA number (or Mandiri's biller code and bill
 * key, or the QRIS code drawn here from its payload), the exact amount, the deadline in WIB and
 * the steps per channel. While the attempt is pending the page asks every few seconds whether
 * the gateway's notification has landed; then the bill reads "Lunas". "Ganti metode" cancels the
 * pending attempt and opens another.
 */
export function PayBill({ billCode, totalIdr }: { billCode: string; totalIdr: number }) {
  const queryClient = useQueryClient();
  const customerId = useCustomerId();
  const development = useDevelopmentTools();
  const [choosing, setChoosing] = useState(false);
  const [method, setMethod] = useState<PayMethod>('VA_BCA');
  const params = { params: { path: { billCode } } };
  const attempts = $api.useQuery('get', '/v1/bills/{billCode}/payment-attempts', params, {
    refetchInterval: (query) =>
      query.state.data?.attempts.some((a) => a.status === 'PENDING') ? 4_000 : false,
  });
  const pending = attempts.data?.attempts.find((a) => a.status === 'PENDING');
  const paid = attempts.data?.billStatus === 'PAID';
  const refreshBill = () => {
    for (const key of [READS.bill, READS.bills, READS.payments, READS.home]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
  // The notification landed: the bill, the list and Riwayat Pembayaran are read again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when it turns paid
  useEffect(() => {
    if (paid) refreshBill();
  }, [paid]);
  const open = useMutation({
    mutationFn: (chosen: PayMethod) =>
      must(
        api.POST('/v1/customers/{customerId}/bills/{billCode}/payment-attempts', {
          params: { path: { customerId, billCode } },
          body: { method: chosen },
        }),
      ),
    onSuccess: () => {
      setChoosing(false);
      void queryClient.invalidateQueries({ queryKey: ['get', '/v1/bills/{billCode}/payment-attempts'] });
    },
  });
  const simulate = useMutation({
    mutationFn: () => must(api.POST('/v1/dev/bills/{billCode}/pay', params)),
    onSuccess: () => {
      void attempts.refetch();
      refreshBill();
    },
  });

  if (paid) return null;
  if (!attempts.data) return attempts.isError ? <ErrorNotice error={attempts.error} /> : null;

  if (pending && !choosing) {
    return (
      <section className="pay" aria-label="Cara membayar">
        <Instructions attempt={pending} />
        <div className="pay-actions">
          <button type="button" className="button button-secondary" onClick={() => setChoosing(true)}>
            Ganti metode
          </button>
          {development ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => simulate.mutate()}
              disabled={simulate.isPending}
            >
              {simulate.isPending ? 'Memproses pembayaran…' : 'Bayar (simulasi)'}
            </button>
          ) : null}
        </div>
        {development ? (
          <p className="small">
            Pengembangan: “Bayar (simulasi)” membayar lewat simulator Midtrans lokal, seperti{' '}
            <code>npm run pay -- {pending.vaNumber ?? pending.billKey ?? billCode}</code>.
          </p>
        ) : null}
        {simulate.isError ? <ErrorNotice error={simulate.error} /> : null}
        <p className="small" role="status">
          Menunggu pembayaran… Halaman ini berubah menjadi Lunas begitu pembayaranmu diterima.
        </p>
      </section>
    );
  }

  if (!choosing) {
    return (
      <button type="button" className="button" onClick={() => setChoosing(true)}>
        Bayar {formatRupiahWithSymbol(totalIdr)}
      </button>
    );
  }

  return (
    <form
      className="pay pay-methods"
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate(method);
      }}
    >
      <fieldset>
        <legend>Pilih metode pembayaran</legend>
        {attempts.data.methods.map((m) => (
          <label key={m} className="pay-method">
            <input
              type="radio"
              name="method"
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
            />
            <span>{METHOD_WORDS[m]}</span>
          </label>
        ))}
      </fieldset>
      {pending ? (
        <p className="small">Nomor pembayaran sebelumnya ({pending.methodLabel}) akan dibatalkan.</p>
      ) : null}
      <div className="pay-actions">
        <button type="submit" className="button" disabled={open.isPending}>
          {open.isPending ? 'Membuat nomor pembayaran…' : 'Lanjutkan'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setChoosing(false)}>
          Batal
        </button>
      </div>
      {open.isError ? <ErrorNotice error={open.error} /> : null}
    </form>
  );
}

/** What to pay where: the number (or code), the exact amount, the deadline, the steps per channel. */
function Instructions({ attempt }: { attempt: Attempt }) {
  const method = attempt.method as PayMethod;
  const code = attempt.vaNumber ?? attempt.billKey ?? '';
  return (
    <>
      <h2>{attempt.methodLabel}</h2>
      {method === 'QRIS' && attempt.qrString ? (
        <QrCode payload={attempt.qrString} />
      ) : method === 'VA_MANDIRI' ? (
        <>
          <Copyable label="Kode perusahaan (biller code)" value={attempt.billerCode ?? ''} />
          <Copyable label="Kode bayar (bill key)" value={code} />
        </>
      ) : (
        <Copyable label="Nomor Virtual Account" value={code} />
      )}
      <dl className="facts">
        <div>
          <dt>Jumlah yang harus dibayar</dt>
          <dd className="pay-amount">{formatRupiahWithSymbol(attempt.amountIdr)}</dd>
        </div>
        <div>
          <dt>Bayar sebelum</dt>
          <dd>{formatInstant(attempt.expiresAt)}</dd>
        </div>
      </dl>
      <p className="small">Bayar tepat sejumlah ini: jumlah lain akan ditolak.</p>
      <h3>Cara membayar</h3>
      {PAYMENT_STEPS[method].map((channel, index) => (
        <details key={channel.name} className="pay-steps" open={index === 0}>
          <summary>{channel.name}</summary>
          <ol>
            {channel.steps.map((step) => (
              <li key={step}>{step.replace('{code}', code)}</li>
            ))}
          </ol>
        </details>
      ))}
    </>
  );
}

function Copyable({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="pay-number">
      <span className="small">{label}</span>
      <div className="pay-number-row">
        <output className="pay-code" aria-label={label}>
          {value}
        </output>
        <button
          type="button"
          className="button button-secondary"
          aria-label={`Salin ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? 'Disalin' : 'Salin'}
        </button>
      </div>
    </div>
  );
}

/** The QRIS code drawn in the page from its payload (no image from elsewhere). */
function QrCode({ payload }: { payload: string }) {
  const cells = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(payload);
    qr.make();
    const n = qr.getModuleCount();
    let path = '';
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    return { size: n + 8, path };
  }, [payload]);
  return (
    <figure className="pay-qr">
      <svg
        viewBox={`0 0 ${cells.size} ${cells.size}`}
        role="img"
        aria-label="Kode QRIS untuk dipindai"
        shapeRendering="crispEdges"
      >
        <rect width={cells.size} height={cells.size} fill="#fff" />
        <path d={cells.path} fill="#000" />
      </svg>
      <figcaption className="small">Pindai dengan aplikasi yang mendukung QRIS</figcaption>
    </figure>
  );
}
