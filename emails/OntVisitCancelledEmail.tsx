import { Text } from 'react-email';
import { Callout } from './_components/Callout';
import { EmailLayout } from './_components/EmailLayout';
import { CUSTOMER_CARE_PHONE } from './_components/Footer';
import { Greeting } from './_components/Greeting';
import { type KeyValueRow, KeyValueTable } from './_components/KeyValueTable';
import { swapPreview } from './_components/previews';
import { nowrap, paragraph } from './_components/theme';
import { VisitClosing } from './_components/VisitClosing';

export const ONT_VISIT_CANCELLED_SUBJECT = 'Kunjungan Penggantian ONT Dibatalkan';

export interface OntVisitCancelledEmailProps {
  customerName: string;
  /** The package the customer upgraded to; it stays active, e.g. `Stream 200 Yearly`. */
  packageName: string;
  /** The cancelled maintenance work order, e.g. `WO-04112025-2825386`. */
  workOrderNumber: string;
  /** Where the technician would have replaced the ONT. */
  installationAddress: string;
}

export function OntVisitCancelledEmail(props: OntVisitCancelledEmailProps) {
  const rows: KeyValueRow[] = [
    { label: 'Nomor Work Order', value: props.workOrderNumber },
    { label: 'Status Kunjungan', value: 'Dibatalkan' },
    { label: 'Paket', value: `${props.packageName} (tetap aktif)` },
    { label: 'Perangkat yang Dibutuhkan', value: 'ONT Dual Band, tanpa biaya' },
    { label: 'Alamat Pemasangan', value: props.installationAddress },
  ];
  return (
    <EmailLayout
      subject={ONT_VISIT_CANCELLED_SUBJECT}
      preview={`Kunjungan teknisi untuk Work Order ${props.workOrderNumber} dibatalkan. Paket ${props.packageName} kamu tetap aktif.`}
      eyebrow="Perangkat"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Kami informasikan bahwa kunjungan teknisi untuk penggantian perangkat ONT kamu dengan nomor Work Order{' '}
        <strong style={nowrap}>{props.workOrderNumber}</strong> telah dibatalkan.
      </Text>
      <Text style={paragraph}>
        Paket <strong>{props.packageName}</strong> kamu tetap aktif dan dapat digunakan seperti biasa.
      </Text>
      <Callout tone="warning">
        Paket barumu memerlukan perangkat <strong>ONT Dual Band</strong> agar kecepatan internet maksimal
        dapat kamu nikmati. Hubungi Customer Care <strong>{CUSTOMER_CARE_PHONE}</strong> untuk menjadwalkan
        ulang kunjungan teknisi tanpa biaya tambahan.
      </Callout>

      <KeyValueTable caption="Detail Kunjungan" rows={rows} />

      <VisitClosing topic="penggantian ini" />
    </EmailLayout>
  );
}

OntVisitCancelledEmail.PreviewProps = swapPreview(
  'packageName',
  'installationAddress',
) satisfies OntVisitCancelledEmailProps;

export default OntVisitCancelledEmail;
