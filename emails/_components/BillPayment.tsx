import { type KeyValueRow, KeyValueTable } from './KeyValueTable';

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
