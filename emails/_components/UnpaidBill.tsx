import { Text } from 'react-email';
import type { LocalDate } from '../../domain/calendar';
import { formatLongDate, formatRupiahWithSymbol } from '../../domain/format';
import { ActionButton } from './ActionButton';
import { BillFacts, type BillOf } from './BillPayment';
import { Callout } from './Callout';
import { SignOff } from './Greeting';
import { type KeyValueRow, KeyValueTable } from './KeyValueTable';
import { nowrap, paragraph, small } from './theme';

/** What an unpaid bill asks for, as the emails write it: `Rp 771.700` by `28 November 2025`. */
export interface AmountDue {
  total: string;
  dueDate: string;
}

export function amountDue(totalIdr: number, dueDate: LocalDate): AmountDue {
  return { total: formatRupiahWithSymbol(totalIdr), dueDate: formatLongDate(dueDate) };
}

export interface UnpaidBillProps {
  bill: BillOf;
  due: AmountDue;
  /** The bill's other dates, listed before its due date. */
  dates?: KeyValueRow[];
  /** What adds up to the total, listed above it. */
  charges?: KeyValueRow[];
  /** The total in Indonesian words, shown under it when given. */
  totalInWords?: string;
  /** Small print under the total. */
  note?: string;
}

/**
 * An unpaid bill, as the emails that ask for payment show it: its facts down to the due date, its charges
 * down to the total (in words, then the note, if given), then the call to pay by the due date.
 */
export function UnpaidBill({ bill, due, dates = [], charges = [], totalInWords, note }: UnpaidBillProps) {
  return (
    <>
      <BillFacts
        caption="Informasi Tagihan"
        bill={bill}
        more={[...dates, { label: 'Tanggal Jatuh Tempo', value: due.dueDate }]}
      />

      <KeyValueTable
        caption="Rincian Tagihan"
        alignValues="right"
        rows={[...charges, { label: 'Total Tagihan', value: due.total, emphasis: true }]}
      />
      {totalInWords ? <TotalInWords words={totalInWords} gap={note ? 8 : 20} /> : null}
      {note ? <Text style={{ ...small, margin: '0 0 20px' }}>{note}</Text> : null}

      <Callout tone="warning" compact>
        Mohon lakukan pembayaran sebesar <strong style={nowrap}>{due.total}</strong> paling lambat{' '}
        <strong style={nowrap}>{due.dueDate}</strong>.
      </Callout>
    </>
  );
}

/** `Terbilang: …`, pulled up under the total it spells out; `gap` below it, in pixels. */
function TotalInWords({ words, gap }: { words: string; gap: number }) {
  return (
    <Text style={{ ...small, margin: `-12px 0 ${gap}px` }}>
      Terbilang: <em>{words}</em>
    </Text>
  );
}

/** How an email about an unpaid bill ends: the statement's button, "ignore if paid", the sign-off. */
export function UnpaidBillClosing({ statementUrl }: { statementUrl: string }) {
  return (
    <>
      <ActionButton href={statementUrl}>Lihat Billing Statement</ActionButton>

      <Text style={paragraph}>
        Abaikan email ini jika kamu sudah melakukan pembayaran. Terima kasih telah menggunakan layanan
        Oxygen.id.
      </Text>
      <SignOff />
    </>
  );
}
