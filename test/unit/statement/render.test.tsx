import { renderToStaticMarkup } from 'react-dom/server';
import type { BillView, StatementCustomer } from '../../../contracts/views';
import { BillingStatement } from '../../../documents/statement/BillingStatement';
import { renderBillingStatement, StatementCustomerMismatchError } from '../../../documents/statement/render';
import { DECK_BILL, DECK_CUSTOMER } from '../../fixtures/deck-bill';

const deckBill: BillView = { ...DECK_BILL, upgradeId: 'upg_01' };
const deckCustomer: StatementCustomer = DECK_CUSTOMER;

const render = (bill: BillView = deckBill, customer: StatementCustomer = deckCustomer) =>
  renderBillingStatement({ bill, customer });

/** What a reader sees: block tags become spaces, inline tags vanish, entities decoded, whitespace collapses. */
function visibleText(html: string): string {
  return html
    .slice(html.indexOf('<body'))
    .replace(
      /<\/?(main|header|footer|section|address|div|p|h[1-6]|table|thead|tbody|tr|th|td|br)\b[^>]*>/gi,
      ' ',
    )
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each needle occurs in `haystack`, and in the order given. */
function expectInOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) throw new Error(`expected "${needle}" after position ${from} in:\n${haystack}`);
    from = at + needle.length;
  }
}

describe('renderBillingStatement: the document', () => {
  const html = render();

  it('is a complete UTF-8 HTML document in Indonesian', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.indexOf('<meta charset="utf-8">')).toBeLessThan(html.indexOf('<title>'));
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<title>Billing Statement 202511712857</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('inlines its CSS with A4 print rules and loads nothing from outside', () => {
    expect(html).toMatch(/<style>[\s\S]*@page\s*\{\s*size:\s*A4/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
  });

  it('lays the statement out in the deck order', () => {
    expectInOrder(visibleText(html), [
      'Oxygen.id',
      'BILLING STATEMENT',
      'PT. Mora Telematika Indonesia Tbk.',
      'Nomor Tagihan/Billing Number',
      'Kepada :',
      'TAGIHAN/INVOICE',
      'Terbilang:',
      'Actual Tagihan',
      'TOTAL TAGIHAN',
    ]);
  });
});

describe('renderBillingStatement: the deck bill', () => {
  const html = render();
  const text = visibleText(html);

  it('shows the title, the issuer and the Oxygen.id wordmark', () => {
    expect(text).toContain('BILLING STATEMENT');
    expect(text).toContain('Oxygen.id');
    expectInOrder(text, [
      'PT. Mora Telematika Indonesia Tbk.',
      'Cervino Village Apartment',
      'Jl. KH Abdullah Syafei No.27, Tebet,',
      'Jakarta Selatan - Indonesia 12810',
      'Phone: 1500 882',
      'Fax: +6221 314 2882',
      'Email: ccare@oxygen.id',
    ]);
  });

  it.each([
    ['Nomor Tagihan/Billing Number', '202511712857'],
    ['Nomor Pelanggan/Customer ID', '21314849'],
    ['Bulan Tagihan/Billing Month', '21.11.2025-22.05.2026'],
    ['Tanggal Tagihan/Billing Date', '21 November 2025'],
    ['Tanggal Jatuh Tempo/Due Date', '28 November 2025'],
    ['Tagihan Bulan ini/Current Charges (Rp)', '771.700'],
  ])('shows %s next to its value %s', (label, value) => {
    expect(text).toContain(`${label} ${value}`);
  });

  it('addresses the customer by name and installation address', () => {
    expect(text).toContain(
      'Kepada : AHMAD TARMIZI JL. BUNYI BANGSAN RT 002 RW 002 NO 07 KEL TANGKERANG TIMUR KEC. TENAYAN RAYA PEKANBARU RIAU',
    );
  });

  it('lists the invoice lines in order with right-aligned rupiah amounts', () => {
    expectInOrder(text, [
      'TAGIHAN/INVOICE',
      'Stream 150 Semesterly 695.225',
      'PPN 11 % / VAT 11 % 76.475',
      'Biaya Material 0',
      'Total Bill 771.700',
      'Adjustment 0',
    ]);
    const rows = [...html.matchAll(/<tr[^>]*><td>([^<]*)<\/td><td class="amount">([^<]*)<\/td><\/tr>/g)].map(
      (match) => [match[1], match[2]],
    );
    expect(rows).toEqual([
      ['Stream 150 Semesterly', '695.225'],
      ['PPN 11 % / VAT 11 %', '76.475'],
      ['Biaya Material', '0'],
      ['Total Bill', '771.700'],
      ['Adjustment', '0'],
    ]);
    expect(html).toMatch(/\.amount\s*\{[^}]*text-align:\s*right/);
  });

  it('sums up actual charge, adjustment and total, with the total in words', () => {
    expectInOrder(text, [
      'Terbilang: Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
      'Actual Tagihan 1.780.000',
      'Penyesuaian Tagihan 1.008.333',
      'TOTAL TAGIHAN 771.700',
    ]);
  });

  it('shows the payment status and how to pay before the due date', () => {
    expect(text).toContain('Status Pembayaran/Payment Status UNPAID');
    expect(text).toMatch(/Mohon lakukan pembayaran sebelum 28 November 2025 .*202511712857/);
  });

  it('says PAID, and no longer asks for payment, once the bill is paid', () => {
    const paid = visibleText(render({ ...deckBill, status: 'PAID', paidAmountIdr: 771_700 }));
    expect(paid).toContain('Status Pembayaran/Payment Status PAID');
    expect(paid).not.toContain('UNPAID');
    expect(paid).not.toContain('Mohon lakukan pembayaran');
    expect(paid).toContain('Tagihan ini telah lunas.');
  });

  it('says VOID with the credit line, and asks for nothing, once the upgrade was cancelled', () => {
    const voided = visibleText(
      render({
        ...deckBill,
        status: 'VOID',
        voidedAt: '2025-11-21T13:40:00+07:00',
        lines: [...deckBill.lines, { label: 'Pembatalan Tagihan (upgrade dibatalkan)', amountIdr: -771_700 }],
      }),
    );
    expect(voided).toContain('Status Pembayaran/Payment Status VOID');
    expect(voided).toContain('Pembatalan Tagihan (upgrade dibatalkan)');
    expect(voided).toContain('-771.700');
    expect(voided).not.toContain('Mohon lakukan pembayaran');
    expect(voided).toContain('tidak perlu dibayar');
  });
});

describe('renderBillingStatement: any bill', () => {
  it('renders whatever lines the bill carries, in its order, grouped with dots', () => {
    const bill: BillView = {
      ...deckBill,
      billCode: '202603000042',
      billingMonth: { start: '2026-03-02', end: '2027-03-03', label: '02.03.2026-03.03.2027' },
      billingDate: '2026-03-02',
      dueDate: '2026-03-09',
      totalIdr: 12_345_600,
      lines: [
        { label: 'Stream 1000 Yearly', amountIdr: 11_121_261 },
        { label: 'Biaya Material', amountIdr: 0 },
        { label: 'PPN 11 % / VAT 11 %', amountIdr: 1_224_339 },
      ],
    };
    const text = visibleText(render(bill));
    expectInOrder(text, [
      'Stream 1000 Yearly 11.121.261',
      'Biaya Material 0',
      'PPN 11 % / VAT 11 % 1.224.339',
    ]);
    expect(text).toContain('Tanggal Tagihan/Billing Date 2 Maret 2026');
    expect(text).toContain('Tanggal Jatuh Tempo/Due Date 9 Maret 2026');
    expect(text).toContain('Tagihan Bulan ini/Current Charges (Rp) 12.345.600');
    expect(text).not.toContain('Stream 150 Semesterly');
  });

  it('escapes customer data instead of running it', () => {
    const html = render(
      { ...deckBill, lines: [{ label: '<img src=x onerror=alert(2)>', amountIdr: 1 }] },
      {
        ...deckCustomer,
        name: '<script>alert(1)</script>',
        installationAddress: 'JL. "MAWAR" & \'MELATI\' </style><b>NO 1</b>',
      },
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<b>NO 1</b>');
    expect(html).toContain('&amp;');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(visibleText(html)).toContain('Kepada : <script>alert(1)</script> JL. "MAWAR" & \'MELATI\'');
  });

  it('keeps non-ASCII names as UTF-8 text', () => {
    const html = render(deckBill, { ...deckCustomer, name: 'SITI NURHALIZA — Ñ' });
    expect(html).toContain('SITI NURHALIZA — Ñ');
    expect(Buffer.from(html, 'utf8').toString('utf8')).toBe(html);
  });

  it("refuses to print one customer's name on another customer's bill", () => {
    expect(() => render(deckBill, { ...deckCustomer, id: '21314850' })).toThrow(
      StatementCustomerMismatchError,
    );
  });

  it('is a plain component that renders without the document shell', () => {
    const markup = renderToStaticMarkup(<BillingStatement bill={deckBill} customer={deckCustomer} />);
    expect(markup.startsWith('<main class="sheet">')).toBe(true);
    expect(markup).not.toContain('<html');
    expect(markup).toContain('AHMAD TARMIZI');
  });
});
