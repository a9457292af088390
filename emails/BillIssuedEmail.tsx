import { Text } from 'react-email';
import type { LocalDate } from '../domain/calendar';
import { formatDottedDate, formatLongDate, formatRupiah, formatRupiahWithSymbol } from '../domain/format';
import type { BillEmailProps } from './_components/BillPayment';
import { EmailLayout } from './_components/EmailLayout';
import { Greeting } from './_components/Greeting';
import { PREVIEW_BILL } from './_components/previews';
import { paragraph } from './_components/theme';
import { amountDue, UnpaidBill, UnpaidBillClosing } from './_components/UnpaidBill';

export const BILL_ISSUED_SUBJECT = 'Informasi Penerbitan Tagihan';

export interface BillIssuedEmailProps extends BillEmailProps {
  /** Price of the new package for its term, whole rupiah (`1780000`). */
  actualAmount: number;
  /** Credit for the unused part of the old term, whole rupiah, positive (`1008333`). */
  adjustmentAmount: number;
  /** Amount to pay, whole rupiah (`771700`). */
  totalAmount: number;
  /** Total in Indonesian words, e.g. `Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah`. */
  totalInWords?: string;
  billingDate: LocalDate;
  dueDate: LocalDate;
  /** First and last day of the billed term; shown as `21.11.2025-22.05.2026`. */
  billingPeriodStart: LocalDate;
  billingPeriodEnd: LocalDate;
}

/** Under the total: what the adjustment is, and that the prices include VAT. */
const ADJUSTMENT_NOTE =
  'Penyesuaian Tagihan adalah sisa nilai paket lama kamu yang belum terpakai. Harga sudah termasuk PPN 11%.';

export function BillIssuedEmail(props: BillIssuedEmailProps) {
  const billingMonth = `${formatDottedDate(props.billingPeriodStart)}-${formatDottedDate(props.billingPeriodEnd)}`;
  const due = amountDue(props.totalAmount, props.dueDate);
  return (
    <EmailLayout
      subject={BILL_ISSUED_SUBJECT}
      preview={`Tagihan ${props.billCode} sebesar ${due.total} telah terbit, jatuh tempo ${due.dueDate}.`}
      eyebrow="Tagihan"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Terima kasih telah melakukan upgrade paket ke <strong>{props.packageName}</strong> melalui aplikasi
        Selfcare Oxygen.id. Tagihan kamu telah terbit dengan rincian berikut:
      </Text>

      <UnpaidBill
        bill={props}
        due={due}
        dates={[
          { label: 'Bulan Tagihan', value: billingMonth },
          { label: 'Tanggal Tagihan', value: formatLongDate(props.billingDate) },
        ]}
        charges={[
          { label: 'Actual Tagihan', value: formatRupiahWithSymbol(props.actualAmount) },
          { label: 'Penyesuaian Tagihan', value: `- Rp ${formatRupiah(props.adjustmentAmount)}` },
        ]}
        totalInWords={props.totalInWords}
        note={ADJUSTMENT_NOTE}
      />

      <UnpaidBillClosing statementUrl={props.statementUrl} />
    </EmailLayout>
  );
}

BillIssuedEmail.PreviewProps = {
  ...PREVIEW_BILL,
  actualAmount: 1_780_000,
  adjustmentAmount: 1_008_333,
  totalAmount: 771_700,
  totalInWords: 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
  billingDate: '2025-11-21',
  dueDate: '2025-11-28',
  billingPeriodStart: '2025-11-21',
  billingPeriodEnd: '2026-05-22',
} satisfies BillIssuedEmailProps;

export default BillIssuedEmail;
