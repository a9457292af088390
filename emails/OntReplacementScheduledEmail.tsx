import { Text } from 'react-email';
import { Callout } from './_components/Callout';
import { EmailLayout } from './_components/EmailLayout';
import { Greeting, SignOff } from './_components/Greeting';
import { type KeyValueRow, KeyValueTable } from './_components/KeyValueTable';
import { swapPreview } from './_components/previews';
import { paragraph, small } from './_components/theme';

export const ONT_SWAP_SCHEDULED_SUBJECT = 'Pergantian ONT';

export interface OntReplacementScheduledEmailProps {
  customerName: string;
  /** The package the customer upgraded to, e.g. `Stream 200 Yearly`. */
  packageName: string;
  /** The maintenance work order for the swap, e.g. `WO-04112025-2825386`. */
  workOrderNumber: string;
  /** Where the technician will replace the ONT. */
  installationAddress: string;
  /** The single-band ONT installed today, if known. */
  currentOntModel?: string;
  currentOntSerial?: string;
}

export function OntReplacementScheduledEmail(props: OntReplacementScheduledEmailProps) {
  const rows: KeyValueRow[] = [
    { label: 'Paket Baru', value: props.packageName },
    {
      label: 'Perangkat ONT Saat Ini',
      value: props.currentOntModel ? `${props.currentOntModel} (Single Band)` : 'Single Band',
    },
    ...(props.currentOntSerial ? [{ label: 'Serial Number', value: props.currentOntSerial }] : []),
    { label: 'Perangkat Pengganti', value: 'ONT Dual Band, tanpa biaya' },
    { label: 'Nomor Work Order', value: props.workOrderNumber },
    { label: 'Alamat Pemasangan', value: props.installationAddress },
  ];
  return (
    <EmailLayout
      subject={ONT_SWAP_SCHEDULED_SUBJECT}
      preview={`Upgrade ke ${props.packageName} berhasil. Perangkat ONT kamu akan diganti ke Dual Band tanpa biaya.`}
      eyebrow="Upgrade Paket"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Selamat! Permintaan Upgrade Package kamu ke <strong>{props.packageName}</strong> telah berhasil kami
        proses.
      </Text>
      <Text style={paragraph}>
        Namun, sistem mendeteksi bahwa perangkat ONT kamu saat ini masih <strong>Single Band</strong>,
        sementara paket barumu memerlukan perangkat <strong>Dual Band</strong> agar performa internet maksimal
        dapat kamu nikmati.
      </Text>
      <Callout tone="info">
        Jangan khawatir — tim teknis kami akan segera menjadwalkan penggantian perangkat ONT di lokasi kamu
        tanpa biaya tambahan apapun.
      </Callout>

      <KeyValueTable caption="Detail Penggantian Perangkat" rows={rows} />

      <Text style={paragraph}>
        Kamu akan menerima notifikasi tambahan saat proses penggantian berhasil dilakukan.
      </Text>
      <Text style={small}>
        Sebutkan nomor Work Order di atas bila menghubungi Customer Care 1500780 tentang penggantian ini.
      </Text>
      <SignOff thanks="Terima kasih atas kepercayaannya menggunakan Oxygen.id 🙏" />
    </EmailLayout>
  );
}

OntReplacementScheduledEmail.PreviewProps = swapPreview(
  'packageName',
  'installationAddress',
  'currentOntModel',
  'currentOntSerial',
) satisfies OntReplacementScheduledEmailProps;

export default OntReplacementScheduledEmail;
