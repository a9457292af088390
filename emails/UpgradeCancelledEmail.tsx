import type { ReactNode } from 'react';
import { Text } from 'react-email';
import { formatRupiahWithSymbol } from '../domain/format';
import { Callout } from './_components/Callout';
import { EmailLayout } from './_components/EmailLayout';
import { CUSTOMER_CARE_PHONE } from './_components/Footer';
import { Greeting, SignOff } from './_components/Greeting';
import { type KeyValueRow, KeyValueTable } from './_components/KeyValueTable';
import { nowrap, paragraph } from './_components/theme';

export const UPGRADE_CANCELLED_SUBJECT = 'Upgrade Paket Dibatalkan';

/**
 * Why the upgrade ended. Only picks a neutral sentence for the customer: the internal reason text
 * (error messages, operator notes) never goes into the email.
 */
export type UpgradeCancelledReason = 'FAILED' | 'CANCELLED' | 'TERMINATED';

export interface UpgradeCancelledEmailProps {
  customerName: string;
  /** The package the customer keeps, e.g. `Stream 75 Semesterly`. */
  currentPackageName: string;
  /** The package the upgrade would have switched to, e.g. `Stream 150 Semesterly`. */
  targetPackageName: string;
  /** The upgrade bill, now cancelled; `null` when no bill had been issued yet. */
  billCode: string | null;
  /** That bill's total, whole rupiah; shown only together with `billCode`. */
  billTotalIdr: number | null;
  reason: UpgradeCancelledReason;
  /**
   * The upgrade was withdrawn after the package switched, while the customer waited for the ONT
   * swap: the old package is back, the visit's WO cancelled, and what was paid is owed back.
   */
  withdrawn?: { workOrderNumber: string | null; creditIdr: number };
}

/** The second half of the opening sentence, after `… ke <target>`. */
const REASON_SENTENCE: { readonly [R in UpgradeCancelledReason]: string } = {
  FAILED: 'tidak dapat kami proses karena terjadi kendala pada sistem kami.',
  CANCELLED: 'tidak dapat kami proses dan telah dibatalkan oleh tim kami.',
  TERMINATED: 'tidak dapat kami proses dan telah dihentikan.',
};

export function UpgradeCancelledEmail(props: UpgradeCancelledEmailProps) {
  if (props.withdrawn) return <UpgradeWithdrawnEmail {...props} withdrawn={props.withdrawn} />;
  const billTotal =
    props.billCode && props.billTotalIdr !== null ? formatRupiahWithSymbol(props.billTotalIdr) : null;
  const rows: KeyValueRow[] = [
    { label: 'Paket Saat Ini', value: `${props.currentPackageName} (tetap aktif)` },
    { label: 'Paket Tujuan', value: props.targetPackageName },
    { label: 'Status Upgrade', value: 'Dibatalkan' },
    ...(props.billCode ? [{ label: 'Nomor Tagihan', value: props.billCode }] : []),
    ...(billTotal ? [{ label: 'Total Tagihan', value: `${billTotal} (dibatalkan)` }] : []),
  ];
  return (
    <EmailLayout
      subject={UPGRADE_CANCELLED_SUBJECT}
      preview={`Upgrade ke ${props.targetPackageName} tidak dapat diproses. Paket kamu tetap ${props.currentPackageName}.`}
      eyebrow="Upgrade Paket"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Mohon maaf, permintaan upgrade paket kamu ke <strong>{props.targetPackageName}</strong>{' '}
        {REASON_SENTENCE[props.reason]}
      </Text>
      <Text style={paragraph}>
        Paket kamu tetap <strong>{props.currentPackageName}</strong> dan layanan internet kamu berjalan
        seperti biasa, tanpa perubahan apa pun.
      </Text>

      {props.billCode ? (
        <VoidedBill billCode={props.billCode} total={billTotal}>
          {' dan tidak perlu dibayar.'}
        </VoidedBill>
      ) : null}

      <KeyValueTable caption="Detail Permintaan Upgrade" rows={rows} />

      <Text style={paragraph}>Kami mohon maaf atas ketidaknyamanan ini.</Text>
      <Text style={paragraph}>
        Kamu dapat mencoba upgrade kembali kapan saja melalui aplikasi Selfcare Oxygen.id, atau hubungi
        Customer Care <strong>{CUSTOMER_CARE_PHONE}</strong> jika membutuhkan bantuan.
      </Text>
      <SignOff thanks="Terima kasih telah menggunakan layanan Oxygen.id." />
    </EmailLayout>
  );
}

/** Withdrawn while waiting for the ONT swap: package back, bill void (or a credit), visit off. */
function UpgradeWithdrawnEmail(
  props: UpgradeCancelledEmailProps & { withdrawn: NonNullable<UpgradeCancelledEmailProps['withdrawn']> },
) {
  const { withdrawn } = props;
  const billTotal =
    props.billCode && props.billTotalIdr !== null ? formatRupiahWithSymbol(props.billTotalIdr) : null;
  const credit = withdrawn.creditIdr > 0 ? formatRupiahWithSymbol(withdrawn.creditIdr) : null;
  const rows: KeyValueRow[] = [
    { label: 'Paket Saat Ini', value: `${props.currentPackageName} (kembali aktif)` },
    { label: 'Paket Tujuan', value: `${props.targetPackageName} (dibatalkan)` },
    { label: 'Status Upgrade', value: 'Dibatalkan' },
    ...(props.billCode ? [{ label: 'Nomor Tagihan', value: `${props.billCode} (dibatalkan)` }] : []),
    ...(credit ? [{ label: 'Kredit untuk Kamu', value: credit }] : []),
    ...(withdrawn.workOrderNumber
      ? [{ label: 'Kunjungan Teknisi', value: `${withdrawn.workOrderNumber} (dibatalkan)` }]
      : []),
  ];
  return (
    <EmailLayout
      subject={UPGRADE_CANCELLED_SUBJECT}
      preview={`Upgrade ke ${props.targetPackageName} dibatalkan. Paket kamu kembali ke ${props.currentPackageName}.`}
      eyebrow="Upgrade Paket"
    >
      <Greeting name={props.customerName} />
      <Text style={paragraph}>
        Permintaan upgrade paket kamu ke <strong>{props.targetPackageName}</strong> telah dibatalkan sebelum
        ONT kamu diganti.
      </Text>
      <Text style={paragraph}>
        Paket kamu kembali ke <strong>{props.currentPackageName}</strong> mulai hari ini, dan layanan internet
        kamu berjalan seperti sebelum upgrade.
        {withdrawn.workOrderNumber ? ' Kunjungan teknisi untuk penggantian ONT juga dibatalkan.' : ''}
      </Text>

      {props.billCode ? (
        <VoidedBill billCode={props.billCode} total={billTotal}>
          {credit ? (
            <>
              . Pembayaran kamu sebesar <strong style={nowrap}>{credit}</strong> kami catat sebagai kredit dan
              akan dikembalikan atau dipotong dari tagihan berikutnya.
            </>
          ) : (
            ' dan tidak perlu dibayar.'
          )}
        </VoidedBill>
      ) : null}

      <KeyValueTable caption="Detail Pembatalan Upgrade" rows={rows} />

      <Text style={paragraph}>
        Kamu dapat upgrade lagi kapan saja melalui aplikasi Selfcare Oxygen.id, atau hubungi Customer Care{' '}
        <strong>{CUSTOMER_CARE_PHONE}</strong> jika membutuhkan bantuan.
      </Text>
      <SignOff thanks="Terima kasih telah menggunakan layanan Oxygen.id." />
    </EmailLayout>
  );
}

/** `Tagihan <code> sebesar <total> telah dibatalkan`, then what follows for the customer. */
function VoidedBill({
  billCode,
  total,
  children,
}: {
  billCode: string;
  total: string | null;
  children: ReactNode;
}) {
  return (
    <Callout tone="success">
      Tagihan <strong style={nowrap}>{billCode}</strong>
      {total ? (
        <>
          {' '}
          sebesar <strong style={nowrap}>{total}</strong>
        </>
      ) : null}{' '}
      telah dibatalkan
      {children}
    </Callout>
  );
}

UpgradeCancelledEmail.PreviewProps = {
  customerName: 'AHMAD TARMIZI',
  currentPackageName: 'Stream 75 Semesterly',
  targetPackageName: 'Stream 150 Semesterly',
  billCode: '202511712857',
  billTotalIdr: 771_700,
  reason: 'FAILED',
} satisfies UpgradeCancelledEmailProps;

export default UpgradeCancelledEmail;
