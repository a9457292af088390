import { Text } from 'react-email';
import { VISIT_PENDING_LABELS } from '../domain/visits';
import { ActionButton } from './_components/ActionButton';
import { Callout } from './_components/Callout';
import { EmailLayout } from './_components/EmailLayout';
import { Greeting } from './_components/Greeting';
import { type KeyValueRow, KeyValueTable } from './_components/KeyValueTable';
import { swapPreview } from './_components/previews';
import { nowrap, paragraph } from './_components/theme';
import { VisitClosing } from './_components/VisitClosing';
import { VisitTime } from './_components/VisitTime';

export const ONT_VISIT_MISSED_SUBJECT = 'Kunjungan Teknisi Belum Terlaksana';

export interface OntVisitMissedEmailProps {
  customerName: string;
  /** The maintenance work order for the swap, e.g. `WO-04112025-2825386`. */
  workOrderNumber: string;
  /** The missed visit as `formatVisit` writes it, e.g. `Senin, 24 November 2025, 08.00–10.00 WIB`. */
  visitLabel: string;
  /** Why, as `VISIT_PENDING_LABELS` words it, e.g. `Pelanggan tidak di rumah`. */
  reasonLabel: string;
  /** The technician's own note, if any. */
  remark: string | null;
  /** Opens the upgrade in the Selfcare app, where the new visit will show. */
  appLink: string;
}

export function OntVisitMissedEmail(props: OntVisitMissedEmailProps) {
  const remark = props.remark?.trim();
  const rows: KeyValueRow[] = [
    { label: 'Nomor Work Order', value: props.workOrderNumber },
    { label: 'Jadwal Kunjungan', value: <VisitTime label={props.visitLabel} /> },
    { label: 'Status Kunjungan', value: 'Belum terlaksana' },
    { label: 'Alasan', value: props.reasonLabel },
    ...(remark ? [{ label: 'Catatan Teknisi', value: remark }] : []),
  ];
  return (
    <EmailLayout
      subject={ONT_VISIT_MISSED_SUBJECT}
      preview={`Kunjungan teknisi ${props.visitLabel} belum terlaksana. Kami akan menjadwalkan kunjungan baru.`}
      eyebrow="Perangkat"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Kunjungan teknisi untuk penggantian perangkat ONT kamu dengan nomor Work Order{' '}
        <strong style={nowrap}>{props.workOrderNumber}</strong> pada{' '}
        <strong>
          <VisitTime label={props.visitLabel} />
        </strong>{' '}
        belum dapat terlaksana.
      </Text>

      <KeyValueTable caption="Detail Kunjungan" rows={rows} />

      <Callout tone="info">
        Tim teknis kami akan segera menjadwalkan kunjungan baru tanpa biaya tambahan. Kamu akan menerima
        notifikasi berisi jadwal barunya.
      </Callout>

      <Text style={paragraph}>
        Setelah jadwal baru ditetapkan, kamu juga dapat melihat dan mengubahnya melalui aplikasi Selfcare
        Oxygen.id.
      </Text>
      <ActionButton href={props.appLink}>Buka Aplikasi Selfcare</ActionButton>

      <VisitClosing topic="kunjungan ini" />
    </EmailLayout>
  );
}

OntVisitMissedEmail.PreviewProps = {
  ...swapPreview('visitLabel', 'appLink'),
  reasonLabel: VISIT_PENDING_LABELS.CUSTOMER_NOT_HOME,
  remark: 'Rumah terkunci, pelanggan tidak dapat dihubungi.',
} satisfies OntVisitMissedEmailProps;

export default OntVisitMissedEmail;
