import { Text } from 'react-email';
import { Callout } from './_components/Callout';
import { formatJakartaDateTime } from './_components/dateTime';
import { EmailLayout } from './_components/EmailLayout';
import { Greeting, SignOff } from './_components/Greeting';
import { type KeyValueRow, KeyValueTable } from './_components/KeyValueTable';
import { swapPreview } from './_components/previews';
import { paragraph } from './_components/theme';

export const ONT_SWAP_COMPLETED_SUBJECT = '[Oxygen.id] Penggantian Perangkat (ONT) Kamu Telah Berhasil';

export interface OntReplacementCompletedEmailProps {
  customerName: string;
  /** The package the new ONT serves, e.g. `Stream 200 Yearly`. */
  packageName: string;
  /** The dual-band ONT the technician installed. */
  newOntModel: string;
  newOntSerial: string;
  /** When the swap was done: an instant (Date or ISO string, shown in WIB) or a `YYYY-MM-DD` day. */
  replacedAt: string | Date;
  /** The maintenance work order, for reference. */
  workOrderNumber?: string;
}

export function OntReplacementCompletedEmail(props: OntReplacementCompletedEmailProps) {
  const rows: KeyValueRow[] = [
    { label: 'Paket', value: props.packageName },
    { label: 'Perangkat ONT Baru', value: props.newOntModel },
    { label: 'Serial Number', value: props.newOntSerial },
    { label: 'Tipe Perangkat', value: 'Dual Band' },
    { label: 'Tanggal Penggantian', value: formatJakartaDateTime(props.replacedAt) },
    ...(props.workOrderNumber ? [{ label: 'Nomor Work Order', value: props.workOrderNumber }] : []),
  ];
  return (
    <EmailLayout
      subject={ONT_SWAP_COMPLETED_SUBJECT}
      preview={`Perangkat ONT kamu sudah Dual Band. Nikmati internet ${props.packageName} yang lebih cepat.`}
      title="Penggantian Perangkat (ONT) Kamu Telah Berhasil"
      eyebrow="Perangkat"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Kami informasikan bahwa proses penggantian perangkat ONT kamu telah berhasil dilakukan. Sekarang kamu
        sudah menggunakan perangkat <strong>Dual Band</strong> yang mendukung kecepatan internet paket barumu{' '}
        <strong>{props.packageName}</strong>.
      </Text>

      <KeyValueTable caption="Detail Perangkat" rows={rows} />

      <Callout tone="success" bold>
        Silakan nikmati koneksi internet yang lebih cepat dan stabil.
      </Callout>

      <Text style={paragraph}>
        Jika ada kendala, hubungi Customer Care <strong>1500780</strong> atau melalui aplikasi Selfcare
        Oxygen.id.
      </Text>
      <SignOff thanks="Terima kasih telah menjadi pelanggan setia Oxygen.id." />
    </EmailLayout>
  );
}

OntReplacementCompletedEmail.PreviewProps = {
  ...swapPreview('packageName'),
  newOntModel: 'ZTE F670L',
  newOntSerial: 'ZTEGD4B71C05',
  replacedAt: '2025-11-06T09:26:00.000Z',
} satisfies OntReplacementCompletedEmailProps;

export default OntReplacementCompletedEmail;
