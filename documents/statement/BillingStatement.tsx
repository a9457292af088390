/**
 * The printable Billing Statement (deck: "Billing Statement"), as one React tree.
 * Every value is rendered as a React text child, so React HTML-escapes it; nothing here uses
 * dangerouslySetInnerHTML. The page shell (doctype, head, CSS) is added by `render.ts`.
 */
import type { BillView, StatementCustomer } from '../../contracts/views';
import { formatLongDate, formatRupiah } from '../../domain/format';

export interface BillingStatementProps {
  bill: BillView;
  customer: StatementCustomer;
}

/** The issuer, exactly as the deck's statement header prints it. */
export const STATEMENT_COMPANY = {
  name: 'PT. Mora Telematika Indonesia Tbk.',
  addressLines: [
    'Cervino Village Apartment',
    'Jl. KH Abdullah Syafei No.27, Tebet,',
    'Jakarta Selatan - Indonesia 12810',
  ],
  phone: '1500 882',
  fax: '+6221 314 2882',
  email: 'ccare@oxygen.id',
} as const;

/** Lines that close a group of charges get a rule above them and bold type. */
const EMPHASISED_LINES = new Set(['Total Bill']);

export function BillingStatement({ bill, customer }: BillingStatementProps) {
  const dueDate = formatLongDate(bill.dueDate);
  const facts: ReadonlyArray<{ label: string; value: string; strong?: boolean }> = [
    { label: 'Nomor Tagihan/Billing Number', value: bill.billCode },
    { label: 'Nomor Pelanggan/Customer ID', value: bill.customerId },
    { label: 'Bulan Tagihan/Billing Month', value: bill.billingMonth.label },
    { label: 'Tanggal Tagihan/Billing Date', value: formatLongDate(bill.billingDate) },
    { label: 'Tanggal Jatuh Tempo/Due Date', value: dueDate },
    {
      label: 'Tagihan Bulan ini/Current Charges (Rp)',
      value: formatRupiah(bill.totalIdr),
      strong: true,
    },
  ];

  return (
    <main className="sheet">
      <header className="masthead">
        <div className="wordmark">
          Oxygen<span className="wordmark-tld">.id</span>
        </div>
        <div className="title-block">
          <h1>BILLING STATEMENT</h1>
          <p className={`status status-${bill.status.toLowerCase()}`}>
            <span className="status-label">Status Pembayaran/Payment Status</span>{' '}
            <span className="status-value">{bill.status}</span>
          </p>
        </div>
      </header>

      <section className="parties">
        <address className="company">
          <strong className="company-name">{STATEMENT_COMPANY.name}</strong>
          {STATEMENT_COMPANY.addressLines.map((line) => (
            <div key={line}>{line}</div>
          ))}
          <div className="contact">
            <div>Phone: {STATEMENT_COMPANY.phone}</div>
            <div>Fax: {STATEMENT_COMPANY.fax}</div>
            <div>Email: {STATEMENT_COMPANY.email}</div>
          </div>
        </address>

        <table className="facts">
          <tbody>
            {facts.map((fact) => (
              <tr key={fact.label} className={fact.strong ? 'fact-strong' : undefined}>
                <th scope="row">{fact.label}</th>
                <td>{fact.value}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <div className="recipient">
          <p className="recipient-heading">Kepada :</p>
          <p className="recipient-name">{customer.name}</p>
          <p className="recipient-address">{customer.installationAddress}</p>
        </div>
      </section>

      <section className="invoice">
        <h2>TAGIHAN/INVOICE</h2>
        <table className="lines">
          <thead>
            <tr>
              <th scope="col">Keterangan/Description</th>
              <th scope="col" className="amount">
                Jumlah/Amount (Rp)
              </th>
            </tr>
          </thead>
          <tbody>
            {bill.lines.map((line, index) => (
              <AmountRow
                // biome-ignore lint/suspicious/noArrayIndexKey: a static render of an ordered list whose labels may repeat
                key={`${index}:${line.label}`}
                label={line.label}
                amountIdr={line.amountIdr}
                className={EMPHASISED_LINES.has(line.label) ? 'line-emphasis' : undefined}
              />
            ))}
          </tbody>
        </table>
      </section>

      <section className="summary">
        <div className="in-words">
          <p className="in-words-label">Terbilang:</p>
          <p className="in-words-value">{bill.amountInWords}</p>
        </div>
        <table className="totals">
          <tbody>
            <AmountRow heading label="Actual Tagihan" amountIdr={bill.actualChargeIdr} />
            <AmountRow heading label="Penyesuaian Tagihan" amountIdr={bill.adjustmentIdr} />
            <AmountRow heading label="TOTAL TAGIHAN" amountIdr={bill.totalIdr} className="grand-total" />
          </tbody>
        </table>
      </section>

      <footer className="notes">
        {bill.status === 'VOID' ? (
          <p>
            Tagihan ini dibatalkan bersama permintaan upgrade-nya dan tidak perlu dibayar. / This bill was
            cancelled with its upgrade request; nothing is due.
          </p>
        ) : bill.status === 'PAID' ? (
          <p>
            Tagihan ini telah lunas{bill.paidAt ? ` pada ${bill.paidAt.slice(0, 10)}` : ''}. Terima kasih. /
            This bill has been paid. Thank you for choosing Oxygen.id.
          </p>
        ) : (
          <p>
            Mohon lakukan pembayaran sebelum <strong>{dueDate}</strong> melalui aplikasi Oxygen.id dengan
            mencantumkan Nomor Tagihan <strong>{bill.billCode}</strong>. / Please pay by the due date through
            the Oxygen.id app, quoting your billing number.
          </p>
        )}
        <p className="fineprint">
          Dokumen ini diterbitkan secara elektronik dan sah tanpa tanda tangan. / This statement is issued
          electronically and is valid without a signature. Pertanyaan/Questions: {STATEMENT_COMPANY.phone}{' '}
          &middot; {STATEMENT_COMPANY.email}
        </p>
      </footer>
    </main>
  );
}

export default BillingStatement;

/** A label and its amount in rupiah, the label a row heading where the row is one of the totals. */
function AmountRow(props: { label: string; amountIdr: number; heading?: boolean; className?: string }) {
  return (
    <tr className={props.className}>
      {props.heading ? <th scope="row">{props.label}</th> : <td>{props.label}</td>}
      <td className="amount">{formatRupiah(props.amountIdr)}</td>
    </tr>
  );
}
