import { Text } from 'react-email';
import { formatRupiahWithSymbol } from '../domain/format';
import { ActionButton } from './_components/ActionButton';
import { type BillEmailProps, BillFacts } from './_components/BillPayment';
import { Callout } from './_components/Callout';
import { formatJakartaDateTime } from './_components/dateTime';
import { EmailLayout } from './_components/EmailLayout';
import { CUSTOMER_CARE_PHONE } from './_components/Footer';
import { Greeting, SignOff } from './_components/Greeting';
import { KeyValueTable } from './_components/KeyValueTable';
import { PREVIEW_BILL } from './_components/previews';
import { nowrap, paragraph, small } from './_components/theme';

export const PAYMENT_RECEIVED_SUBJECT = 'Pembayaran Tagihan Diterima';

export interface PaymentReceiptEmailProps extends BillEmailProps {
  /** Amount received, whole rupiah (`771700`). */
  amountIdr: number;
  /** How the customer paid, as the customer knows it: `Virtual Account BCA`, `QRIS`, `GoPay`. */
  methodLabel: string;
  /** The payment provider's reference for the transaction. */
  transactionId: string;
  /** When the payment was received: an ISO instant, shown in Jakarta time (`22 November 2025, 10:15 WIB`). */
  paidAt: string;
}

export function PaymentReceiptEmail(props: PaymentReceiptEmailProps) {
  const amount = formatRupiahWithSymbol(props.amountIdr);
  const paidAt = formatJakartaDateTime(props.paidAt);
  return (
    <EmailLayout
      subject={PAYMENT_RECEIVED_SUBJECT}
      preview={`Pembayaran tagihan ${props.billCode} sebesar ${amount} telah kami terima. Terima kasih.`}
      eyebrow="Tagihan"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Pembayaran tagihan <strong style={nowrap}>{props.billCode}</strong> sebesar{' '}
        <strong style={nowrap}>{amount}</strong> telah kami terima pada <strong>{paidAt}</strong> melalui{' '}
        <strong>{props.methodLabel}</strong>, dengan nomor referensi{' '}
        <strong style={nowrap}>{props.transactionId}</strong>.
      </Text>

      <Callout tone="success" bold>
        Terima kasih, tagihan kamu telah lunas.
      </Callout>

      <BillFacts
        caption="Informasi Pembayaran"
        bill={props}
        more={[
          { label: 'Tanggal Pembayaran', value: paidAt },
          { label: 'Metode Pembayaran', value: props.methodLabel },
          { label: 'Nomor Referensi', value: props.transactionId },
          { label: 'Status Tagihan', value: 'Lunas' },
        ]}
      />

      <KeyValueTable
        caption="Rincian Pembayaran"
        alignValues="right"
        rows={[{ label: 'Jumlah Dibayar', value: amount, emphasis: true }]}
      />

      <Text style={paragraph}>
        Billing Statement tagihan ini kini berstatus <strong>PAID</strong> (lunas) dan dapat kamu lihat kapan
        saja.
      </Text>
      <ActionButton href={props.statementUrl}>Lihat Billing Statement</ActionButton>

      <Text style={small}>
        Simpan email ini sebagai bukti pembayaran. Sebutkan nomor referensi di atas bila menghubungi Customer
        Care {CUSTOMER_CARE_PHONE} tentang pembayaran ini.
      </Text>
      <SignOff thanks="Terima kasih telah menggunakan layanan Oxygen.id." />
    </EmailLayout>
  );
}

PaymentReceiptEmail.PreviewProps = {
  ...PREVIEW_BILL,
  amountIdr: 771_700,
  methodLabel: 'Virtual Account BCA',
  transactionId: 'TRX-20251122-7G4K9Q',
  paidAt: '2025-11-22T03:15:42.000Z',
} satisfies PaymentReceiptEmailProps;

export default PaymentReceiptEmail;
