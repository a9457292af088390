import { Text } from 'react-email';
import { ActionButton } from './ActionButton';
import { Callout } from './Callout';
import { SignOff } from './Greeting';
import { type KeyValueRow, KeyValueTable } from './KeyValueTable';
import { nowrap, paragraph, small } from './theme';

/** Whose bill, which bill, for which package: how every bill email's facts table starts. */
export interface BillOf {
  customerName: string;
  /** 8-digit customer number, e.g. `21314849`. */
  customerId: string;
  /** `YYYYMM` + sequence, e.g. `202511712857`. */
  billCode: string;
  /** The package the bill is for (an upgrade's target), e.g. `Stream 150 Semesterly`. */
  packageName: string;
}

/** What every bill email names: the bill's facts, and where the customer opens its statement. */
export interface BillEmailProps extends BillOf {
  /** Where the customer can open the billing statement (a signed link: no login needed). */
  statementUrl: string;
}

/** The bill emails' facts table: the customer, the bill and the package, then the email's own rows. */
export function BillFacts({ caption, bill, more }: { caption: string; bill: BillOf; more: KeyValueRow[] }) {
  return (
    <KeyValueTable
      caption={caption}
      rows={[
        { label: 'Nama Pelanggan', value: bill.customerName },
        { label: 'Nomor Pelanggan', value: bill.customerId },
        { label: 'Nomor Tagihan', value: bill.billCode },
        { label: 'Paket', value: bill.packageName },
        ...more,
      ]}
    />
  );
}

/** `Terbilang: …`, pulled up under the total it spells out; `gap` below it, in pixels. */
export function TotalInWords({ words, gap }: { words: string; gap: number }) {
  return (
    <Text style={{ ...small, margin: `-12px 0 ${gap}px` }}>
      Terbilang: <em>{words}</em>
    </Text>
  );
}

/** `Mohon lakukan pembayaran sebesar Rp … paling lambat …`: the bill emails' call to pay. */
export function PayByCallout({ total, dueDate }: { total: string; dueDate: string }) {
  return (
    <Callout tone="warning" compact>
      Mohon lakukan pembayaran sebesar <strong style={nowrap}>{total}</strong> paling lambat{' '}
      <strong style={nowrap}>{dueDate}</strong>.
    </Callout>
  );
}

/** The bill emails' last paragraph: nothing to do if the bill is already paid. */
export function IgnoreIfPaid() {
  return (
    <Text style={paragraph}>
      Abaikan email ini jika kamu sudah melakukan pembayaran. Terima kasih telah menggunakan layanan
      Oxygen.id.
    </Text>
  );
}

/** How an email about an unpaid bill ends: the statement's button, "ignore if paid", the sign-off. */
export function UnpaidBillClosing({ statementUrl }: { statementUrl: string }) {
  return (
    <>
      <ActionButton href={statementUrl}>Lihat Billing Statement</ActionButton>

      <IgnoreIfPaid />
      <SignOff />
    </>
  );
}
