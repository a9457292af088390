import { Text } from 'react-email';
import type { LocalDate } from '../domain/calendar';
import { formatLongDate, formatRupiahWithSymbol } from '../domain/format';
import {
  type BillEmailProps,
  BillFacts,
  PayByCallout,
  TotalInWords,
  UnpaidBillClosing,
} from './_components/BillPayment';
import { EmailLayout } from './_components/EmailLayout';
import { Greeting } from './_components/Greeting';
import { KeyValueTable } from './_components/KeyValueTable';
import { PREVIEW_BILL } from './_components/previews';
import { nowrap, paragraph } from './_components/theme';

export const BILL_DUE_REMINDER_SUBJECT = 'Pengingat: Tagihan Kamu Jatuh Tempo Besok';

export interface BillDueReminderEmailProps extends BillEmailProps {
  /** Amount to pay, whole rupiah (`771700`). */
  totalIdr: number;
  /** Total in Indonesian words, e.g. `Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah`. */
  totalInWords: string;
  /** The bill's due date, a Jakarta calendar day: tomorrow, when the reminder is sent. */
  dueDate: LocalDate;
}

export function BillDueReminderEmail(props: BillDueReminderEmailProps) {
  const dueDate = formatLongDate(props.dueDate);
  const total = formatRupiahWithSymbol(props.totalIdr);
  return (
    <EmailLayout
      subject={BILL_DUE_REMINDER_SUBJECT}
      preview={`Tagihan ${props.billCode} sebesar ${total} jatuh tempo besok, ${dueDate}.`}
      eyebrow="Tagihan"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Kami ingin mengingatkan bahwa tagihan paket <strong>{props.packageName}</strong> kamu dengan nomor
        tagihan <strong style={nowrap}>{props.billCode}</strong> akan jatuh tempo besok,{' '}
        <strong style={nowrap}>{dueDate}</strong>.
      </Text>

      <BillFacts
        caption="Informasi Tagihan"
        bill={props}
        more={[{ label: 'Tanggal Jatuh Tempo', value: dueDate }]}
      />

      <KeyValueTable
        caption="Rincian Tagihan"
        alignValues="right"
        rows={[{ label: 'Total Tagihan', value: total, emphasis: true }]}
      />
      <TotalInWords words={props.totalInWords} gap={20} />

      <PayByCallout total={total} dueDate={dueDate} />

      <Text style={paragraph}>
        Bayar dengan mudah melalui aplikasi Selfcare Oxygen.id: pilih tagihan ini, lalu bayar dengan{' '}
        <strong style={nowrap}>Virtual Account</strong> bank, <strong>QRIS</strong>, atau{' '}
        <strong style={nowrap}>e-wallet</strong>.
      </Text>
      <UnpaidBillClosing statementUrl={props.statementUrl} />
    </EmailLayout>
  );
}

BillDueReminderEmail.PreviewProps = {
  ...PREVIEW_BILL,
  totalIdr: 771_700,
  totalInWords: 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
  dueDate: '2025-11-28',
} satisfies BillDueReminderEmailProps;

export default BillDueReminderEmail;
