import { Text } from 'react-email';
import type { LocalDate } from '../domain/calendar';
import type { BillEmailProps } from './_components/BillPayment';
import { EmailLayout } from './_components/EmailLayout';
import { Greeting } from './_components/Greeting';
import { PREVIEW_BILL } from './_components/previews';
import { nowrap, paragraph } from './_components/theme';
import { amountDue, UnpaidBill, UnpaidBillClosing } from './_components/UnpaidBill';

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
  const due = amountDue(props.totalIdr, props.dueDate);
  return (
    <EmailLayout
      subject={BILL_DUE_REMINDER_SUBJECT}
      preview={`Tagihan ${props.billCode} sebesar ${due.total} jatuh tempo besok, ${due.dueDate}.`}
      eyebrow="Tagihan"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Kami ingin mengingatkan bahwa tagihan paket <strong>{props.packageName}</strong> kamu dengan nomor
        tagihan <strong style={nowrap}>{props.billCode}</strong> akan jatuh tempo besok,{' '}
        <strong style={nowrap}>{due.dueDate}</strong>.
      </Text>

      <UnpaidBill bill={props} due={due} totalInWords={props.totalInWords} />

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
