import { Text } from 'react-email';
import { ActionButton } from './_components/ActionButton';
import { Callout } from './_components/Callout';
import { EmailLayout } from './_components/EmailLayout';
import { CUSTOMER_CARE_PHONE } from './_components/Footer';
import { Greeting, SignOff } from './_components/Greeting';
import { type KeyValueRow, KeyValueTable } from './_components/KeyValueTable';
import { PREVIEW_SWAP, swapPreview } from './_components/previews';
import { nowrap, paragraph, small } from './_components/theme';
import { VisitTime } from './_components/VisitTime';

export const ONT_VISIT_SCHEDULED_SUBJECT = 'Jadwal Kunjungan Teknisi untuk Penggantian ONT';
export const ONT_VISIT_MOVED_SUBJECT = 'Jadwal Kunjungan Teknisi Diubah';

/** The subject of a first booking, or of a visit moved to another slot. */
export function ontVisitScheduledSubject(moved: boolean): string {
  return moved ? ONT_VISIT_MOVED_SUBJECT : ONT_VISIT_SCHEDULED_SUBJECT;
}

export interface OntVisitScheduledEmailProps {
  customerName: string;
  /** The maintenance work order for the swap, e.g. `WO-04112025-2825386`. */
  workOrderNumber: string;
  /** The visit as `formatVisit` writes it, e.g. `Senin, 24 November 2025, 08.00–10.00 WIB`. */
  visitLabel: string;
  /** The installer vendor sending the technician, e.g. `MISITEL`. */
  vendor: string;
  /** Where the technician will replace the ONT. */
  address: string;
  /** The visit was moved to this slot (by the customer or the dispatcher), not booked the first time. */
  moved: boolean;
  /** The customer may move the visit from the app until this many hours before it starts. */
  minLeadHours: number;
  /** Opens the upgrade in the Selfcare app, where the visit can be moved. */
  appLink: string;
}

/** `24` → `24 jam`; `1.5` → `1,5 jam` (Indonesian decimal comma). */
const jam = (hours: number) => `${String(hours).replace('.', ',')} jam`;

export function OntVisitScheduledEmail(props: OntVisitScheduledEmailProps) {
  const subject = ontVisitScheduledSubject(props.moved);
  const rows: KeyValueRow[] = [
    {
      label: props.moved ? 'Jadwal Baru' : 'Jadwal Kunjungan',
      value: <VisitTime label={props.visitLabel} />,
    },
    { label: 'Vendor Teknisi', value: props.vendor },
    { label: 'Nomor Work Order', value: props.workOrderNumber },
    { label: 'Perangkat Pengganti', value: 'ONT Dual Band, tanpa biaya' },
    { label: 'Alamat Pemasangan', value: props.address },
  ];
  const deadline =
    props.minLeadHours > 0
      ? `paling lambat ${jam(props.minLeadHours)} sebelum kunjungan dimulai`
      : 'sebelum kunjungan dimulai';
  return (
    <EmailLayout
      subject={subject}
      preview={`Teknisi ${props.vendor} akan datang pada ${props.visitLabel} untuk mengganti perangkat ONT kamu.`}
      eyebrow="Perangkat"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        {props.moved ? 'Jadwal kunjungan' : 'Kunjungan'} teknisi untuk penggantian perangkat ONT kamu dengan
        nomor Work Order <strong style={nowrap}>{props.workOrderNumber}</strong>{' '}
        {props.moved ? 'telah diubah' : 'telah dijadwalkan'}.
      </Text>
      <Callout tone="info">
        Teknisi dari <strong>{props.vendor}</strong> akan datang pada{' '}
        <strong>
          <VisitTime label={props.visitLabel} />
        </strong>
        .
      </Callout>

      <KeyValueTable caption="Detail Kunjungan" rows={rows} />

      <Text style={paragraph}>
        Pastikan ada yang dapat menerima teknisi di lokasi pada waktu tersebut. Kami akan mengingatkan kamu
        melalui aplikasi sehari sebelum kunjungan.
      </Text>
      <Text style={paragraph}>
        Waktunya tidak sesuai? Kamu dapat mengubah jadwal kunjungan melalui aplikasi Selfcare Oxygen.id{' '}
        {deadline}.
      </Text>
      <ActionButton href={props.appLink}>Lihat Jadwal di Aplikasi</ActionButton>

      <Text style={small}>
        Sebutkan nomor Work Order di atas bila menghubungi Customer Care {CUSTOMER_CARE_PHONE} tentang
        kunjungan ini.
      </Text>
      <SignOff thanks="Terima kasih atas kepercayaannya menggunakan Oxygen.id." />
    </EmailLayout>
  );
}

OntVisitScheduledEmail.PreviewProps = {
  ...swapPreview('visitLabel', 'vendor', 'appLink'),
  address: PREVIEW_SWAP.installationAddress,
  moved: false,
  minLeadHours: 24,
} satisfies OntVisitScheduledEmailProps;

export default OntVisitScheduledEmail;
